namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Registers every use case's nested <c>Handler</c> and <c>Validator</c> classes (e.g.
/// <c>Features.Admin.Areas.EditArea.Handler</c>) as scoped services, so adding a use case needs no
/// registration line. Validators are scoped because some ask the database (uniqueness).
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Name: "Handler" or "Validator", IsNested: true }
                && t.Namespace?.StartsWith("AreaPartnerships.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        return services;
    }
}
