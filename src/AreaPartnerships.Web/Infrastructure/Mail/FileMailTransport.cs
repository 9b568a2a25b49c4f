using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AreaPartnerships.Web.Infrastructure.Mail;

/// <summary>
/// The embedded default: each message is written as <c>&lt;Message-ID&gt;.eml</c> in the file outbox folder
/// (<see cref="MailOptions.FileFolder"/>), first to a temporary file and then moved into place, so a reader never
/// sees half a message. A file already there under that name is the same message written before: nothing is done.
/// </summary>
public sealed partial class FileMailTransport(IOptions<MailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    /// <summary>The folder the messages are written to (created if missing).</summary>
    public string Folder => options.Value.FileFolderPath(environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = Folder;
        var path = Path.Combine(folder, FileName(message.MessageId));
        try
        {
            Directory.CreateDirectory(folder);
            if (File.Exists(path))
            {
                return;
            }

            var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    await message.WriteToAsync(stream, ct);
                    await stream.FlushAsync(ct);
                }

                if (!File.Exists(path))
                {
                    File.Move(temporary, path, overwrite: false);
                }
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another sender moved the same message into place first.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(false, $"Could not write the message to the file outbox: {ex.Message}", ex);
        }
    }

    /// <summary>The file name for a Message-ID: anything outside letters, digits, dot, dash, underscore and @ becomes an underscore.</summary>
    public static string FileName(string? messageId)
    {
        var id = UnsafeCharacters().Replace(messageId ?? string.Empty, "_").TrimStart('.');
        return (id.Length == 0 ? Guid.NewGuid().ToString("N") : id[..Math.Min(id.Length, 200)]) + ".eml";
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a name this transport writes: letters, digits, dot, dash, underscore and @,
    /// not starting with a dot, ending in .eml. No slash or backslash can pass, so no name reaches outside the folder.
    /// </summary>
    public static bool IsMessageFileName(string? name) => name is not null && MessageFileName().IsMatch(name);

    [GeneratedRegex("[^A-Za-z0-9._@-]")]
    private static partial Regex UnsafeCharacters();

    [GeneratedRegex(@"\A[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,199}\.eml\z")]
    private static partial Regex MessageFileName();
}
