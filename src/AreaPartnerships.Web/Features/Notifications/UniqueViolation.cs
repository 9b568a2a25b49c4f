using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// A save refused by a unique index (SQLite's UNIQUE or PRIMARY KEY constraint; SQL Server's errors 2601 and 2627):
/// how the scheduler learns that another instance wrote the same reminder or digest run first.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
