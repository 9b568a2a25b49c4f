using AreaPartnerships.Web.Features.Notifications;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Cli;
using AreaPartnerships.Web.Infrastructure.Database;
using AreaPartnerships.Web.Infrastructure.Forms;
using AreaPartnerships.Web.Infrastructure.Health;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<AreaPartnerships.Domain.Common.ChoicesVersion>();
builder.Services.AddSingleton<FigureMemo>();
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppSecurity();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddFeatureHandlers();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.Configure<AreaPartnerships.Web.Features.Help.CouncilContacts>(builder.Configuration.GetSection(AreaPartnerships.Web.Features.Help.CouncilContacts.Section));

builder.Services.AddControllersWithViews(o =>
    {
        // MVC does not validate anti-forgery tokens by default: every POST/PUT/PATCH/DELETE must carry one.
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

        // A form the framework cannot read (a null byte in it) gets a 400 page saying so, before anything reads it.
        o.Filters.Add(new UnreadableFormFilter());

        // Text with control characters (other than tab and new lines) is refused at its field, on every form.
        o.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider());

        // Malformed form values (e.g. RememberMe=abc) become a plain form error, never a 500.
        var messages = o.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Enter a valid value for {field}");
        messages.SetValueIsInvalidAccessor(_ => "Enter a valid value");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number");
        messages.SetValueMustNotBeNullAccessor(field => $"Enter {field}");
        messages.SetMissingBindRequiredValueAccessor(field => $"Enter {field}");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a valid value");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Enter a valid value for {field}");
    })
    .AddRazorOptions(o =>
    {
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Admin/{1}/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        o.ViewLocationFormats.Add("/Views/Shared/{0}.cshtml");
    });

var app = builder.Build();

if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app, args);
}

if (GenerateCommand.IsRequested(args))
{
    return await GenerateCommand.RunAsync(app, args);
}

await DatabaseSetup.MigrateAndSeedAsync(app.Services, app.Configuration, app.Environment);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
    if (app.Configuration["AllowedHosts"] is null or "*")
    {
        app.Logger.LogWarning("AllowedHosts is \"*\": set it to the service's own host name(s), e.g. AllowedHosts=areapartnerships.example.gov.uk, so requests for any other host are refused");
    }
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
app.UseStaticFiles();

// British English everywhere: UK dates, pounds and pence, and how numbers typed into forms are read.
var britishEnglish = new System.Globalization.CultureInfo("en-GB");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(britishEnglish),
    SupportedCultures = [britishEnglish],
    SupportedUICultures = [britishEnglish],
    RequestCultureProviders = [],
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Area Partnerships is running: open {Addresses} in a browser", string.Join(", ", app.Urls)));

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests' WebApplicationFactory can find it.</summary>
public partial class Program;
