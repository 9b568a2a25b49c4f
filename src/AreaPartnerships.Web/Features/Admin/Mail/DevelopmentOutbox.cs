using AreaPartnerships.Web.Infrastructure.Mail;
using MimeKit;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>
/// The file outbox as the administrator sees it in Development: the <c>.eml</c> files the file transport wrote,
/// newest first (at most <see cref="Limit"/>), and one message's headers and text. Only names the transport itself
/// writes are opened (<see cref="FileMailTransport.IsMessageFileName"/>), and only inside the outbox folder.
/// </summary>
public static class DevelopmentOutbox
{
    public const int Limit = 200;

    public sealed record Row(string Name, string From, string To, string Subject, DateTime? Date);

    public sealed record List(string Folder, IReadOnlyList<Row> Rows, int Total);

    public sealed record Attachment(string Name, string ContentType);

    public sealed record Message(string Name, string From, string To, string Subject, DateTime? Date, string MessageId,
        IReadOnlyList<(string Name, string Value)> Headers, string Text, IReadOnlyList<Attachment> Attachments);

    public sealed class Handler(FileMailTransport files)
    {
        public async Task<List> ListAsync(CancellationToken ct)
        {
            var folder = new DirectoryInfo(files.Folder);
            if (!folder.Exists)
            {
                return new List(folder.FullName, [], 0);
            }

            var all = folder.EnumerateFiles("*.eml").Where(f => FileMailTransport.IsMessageFileName(f.Name)).ToList();
            var rows = new List<Row>();
            foreach (var file in all.OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).Take(Limit))
            {
                if (await LoadAsync(file.FullName, ct) is { } mail)
                {
                    rows.Add(new Row(file.Name, mail.From.ToString(), mail.To.ToString(), mail.Subject ?? string.Empty, Date(mail)));
                }
            }

            return new List(folder.FullName, rows, all.Count);
        }

        public async Task<Message?> ShowAsync(string? name, CancellationToken ct)
        {
            if (PathOf(name) is not { } path || await LoadAsync(path, ct) is not { } mail)
            {
                return null;
            }

            var attachments = mail.Attachments.Select(a => new Attachment(
                a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "attachment",
                a.ContentType.MimeType + string.Concat(a.ContentType.Parameters.Select(p => $"; {p.Name}={p.Value}")))).ToList();
            return new Message(name!, mail.From.ToString(), mail.To.ToString(), mail.Subject ?? string.Empty, Date(mail), mail.MessageId ?? string.Empty,
                [.. mail.Headers.Select(h => (h.Field, h.Value))], mail.TextBody ?? string.Empty, attachments);
        }

        /// <summary>The file's full path, or null when the name is not one the transport writes, points outside the folder or does not exist.</summary>
        public string? PathOf(string? name)
        {
            if (!FileMailTransport.IsMessageFileName(name))
            {
                return null;
            }

            var folder = Path.GetFullPath(files.Folder);
            var path = Path.GetFullPath(Path.Combine(folder, name!));
            return Path.GetDirectoryName(path) == folder.TrimEnd(Path.DirectorySeparatorChar) && File.Exists(path) ? path : null;
        }

        private static DateTime? Date(MimeMessage mail) => mail.Date == DateTimeOffset.MinValue ? null : mail.Date.UtcDateTime;

        private static async Task<MimeMessage?> LoadAsync(string path, CancellationToken ct)
        {
            try
            {
                return await MimeMessage.LoadAsync(path, ct);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
