namespace AreaPartnerships.Domain.Common;

/// <summary>
/// An entity people edit concurrently. <see cref="Version"/> is an optimistic concurrency token:
/// <see cref="AppDbContext"/> gives it a new value on every save, and a save whose original value no
/// longer matches the row fails with a concurrency conflict. A Guid (rather than SQL Server's
/// rowversion) works the same on SQLite and SQL Server.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
