namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Response headers every page gets: no framing, no sniffing, a strict content security policy. And the one
/// place that keeps personal data out of caches: every response to a signed-in person (pages, CSV exports,
/// redirects alike) is <c>Cache-Control: no-cache, no-store</c>. Decided when the response starts, after
/// authentication has run; static files are served before sign-in is read, so they stay cacheable.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
                "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-cache, no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
