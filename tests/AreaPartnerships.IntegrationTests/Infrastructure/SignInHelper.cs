using Microsoft.AspNetCore.Mvc.Testing;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

public static class SignInHelper
{
    /// <summary>A client with its own cookie jar, not signed in, following no redirects.</summary>
    public static HttpClient BrowserLikeClient(this AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form (anti-forgery token and all).</summary>
    public static Task<HttpResponseMessage> SignInThroughFormAsync(this HttpClient client, string email, string password, string rememberMe = "false") =>
        client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password), new("RememberMe", rememberMe)]);
}
