using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.Reporting;
using AreaPartnerships.Domain.Subjects;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AreaPartnerships.Domain;

/// <summary>
/// The unit of work and the repository (no extra layers: docs/decisions/0002). Mapping is in one
/// IEntityTypeConfiguration per entity beside the entity, and holds nothing provider-specific: each
/// provider has its own migrations project.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, int>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();

    public DbSet<Ward> Wards => Set<Ward>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<UserArea> UserAreas => Set<UserArea>();

    public DbSet<UserWard> UserWards => Set<UserWard>();

    public DbSet<ConfidentialityAgreement> ConfidentialityAgreements => Set<ConfidentialityAgreement>();

    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Issue> Issues => Set<Issue>();

    public DbSet<IssueEvent> IssueEvents => Set<IssueEvent>();

    public DbSet<IssueLink> IssueLinks => Set<IssueLink>();

    public DbSet<IssueCount> IssueCounts => Set<IssueCount>();

    public DbSet<IssueMonthCount> IssueMonthCounts => Set<IssueMonthCount>();

    public DbSet<OpenIssueDate> OpenIssueDates => Set<OpenIssueDate>();

    public DbSet<ValueMonthTotal> ValueMonthTotals => Set<ValueMonthTotal>();

    public DbSet<WardFigureImport> WardFigureImports => Set<WardFigureImport>();

    public DbSet<WardFigure> WardFigures => Set<WardFigure>();

    public DbSet<HighlightReport> HighlightReports => Set<HighlightReport>();

    public DbSet<LevelTarget> LevelTargets => Set<LevelTarget>();

    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    public DbSet<Subject> Subjects => Set<Subject>();

    public DbSet<IssueSubject> IssueSubjects => Set<IssueSubject>();

    public DbSet<AreaPlan> AreaPlans => Set<AreaPlan>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<TaskGroup> TaskGroups => Set<TaskGroup>();

    public DbSet<TaskGroupMember> TaskGroupMembers => Set<TaskGroupMember>();

    public DbSet<TaskGroupEvent> TaskGroupEvents => Set<TaskGroupEvent>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<PlanActionUpdate> PlanActionUpdates => Set<PlanActionUpdate>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<MeetingEvent> MeetingEvents => Set<MeetingEvent>();

    public DbSet<QuickWinBudget> QuickWinBudgets => Set<QuickWinBudget>();

    public DbSet<QuickWinSpend> QuickWinSpends => Set<QuickWinSpend>();

    public DbSet<AllocationChange> AllocationChanges => Set<AllocationChange>();

    public DbSet<QuickWinSettings> QuickWinSettings => Set<QuickWinSettings>();

    public DbSet<UnitCost> UnitCosts => Set<UnitCost>();

    public DbSet<IssueCost> IssueCosts => Set<IssueCost>();

    public DbSet<CostEstimate> CostEstimates => Set<CostEstimate>();

    public DbSet<EstimateLine> EstimateLines => Set<EstimateLine>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<NotificationProfile> NotificationProfiles => Set<NotificationProfile>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();

    public DbSet<MailSettings> MailSettings => Set<MailSettings>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    private static readonly HashSet<Type> ChoiceTypes =
        [typeof(Area), typeof(Ward), typeof(Category), typeof(Organisation), typeof(ApplicationUser), typeof(ApplicationRole), typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<int>), typeof(UserArea), typeof(UserWard)];

    /// <summary>
    /// The quick-win ledger and allocation history are append-only (docs/decisions/0013, 0025): a ledger entry or an
    /// allocation change is only ever added. A correction is a new entry against the spend, never an edit.
    /// </summary>
    private void RefuseLedgerEdits()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is QuickWinSpend or AllocationChange)
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} is never changed or deleted: the ledger is append-only (make a correction or reversal against it instead).");
            }
        }
    }

    /// <summary>Saves, stamping new versions and keeping <see cref="IssueCounts"/>, the dashboard summaries (<see cref="IssueSummaries"/>, <see cref="ValueSummaries"/>), the <see cref="DataVersion"/> and the notifications the change causes (<see cref="NotificationPlanner"/>) in the same transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseLedgerEdits();
        StampVersions();
        var counts = IssueCount.Changes(ChangeTracker);
        var summaries = IssueSummaries.Changes(ChangeTracker);
        var value = ValueSummaries.Changes(this);
        var notifications = NotificationPlanner.Plan(ChangeTracker);
        var moves = DataVersion.Moves(ChangeTracker);
        if (!moves && counts.Count == 0 && summaries.IsEmpty && value.Count == 0 && notifications.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        SummaryTable.Apply(this, [IssueCount.Rows(counts), .. IssueSummaries.Rows(summaries), ValueSummaries.Rows(value)]);
        if (moves)
        {
            DataVersion.MoveOn(this);
        }

        if (!notifications.IsEmpty)
        {
            Notifications.AddRange(notifications.Notifications());
            base.SaveChanges(acceptAllChangesOnSuccess);
        }

        transaction?.Commit();
        return saved;
    }

    /// <summary>Saves, stamping new versions and keeping <see cref="IssueCounts"/>, the dashboard summaries (<see cref="IssueSummaries"/>, <see cref="ValueSummaries"/>), the <see cref="DataVersion"/> and the notifications the change causes (<see cref="NotificationPlanner"/>) in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseLedgerEdits();
        StampVersions();
        var counts = IssueCount.Changes(ChangeTracker);
        var summaries = IssueSummaries.Changes(ChangeTracker);
        var value = await ValueSummaries.ChangesAsync(this, cancellationToken);
        var notifications = NotificationPlanner.Plan(ChangeTracker);
        var moves = DataVersion.Moves(ChangeTracker);
        if (!moves && counts.Count == 0 && summaries.IsEmpty && value.Count == 0 && notifications.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The counts move after the rows are saved (a refused save moves nothing) and commit with them; so do the data
        // version (docs/decisions/0029) and the notifications the change causes (the transactional outbox:
        // docs/decisions/0028), once new rows have ids.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await SummaryTable.ApplyAsync(this, [IssueCount.Rows(counts), .. IssueSummaries.Rows(summaries), ValueSummaries.Rows(value)], cancellationToken);
        if (moves)
        {
            await DataVersion.MoveOnAsync(this, cancellationToken);
        }

        if (!notifications.IsEmpty)
        {
            Notifications.AddRange(notifications.Notifications());
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset values (e.g. Identity's LockoutEnd): store them
        // there as integers that sort in time order. SQL Server has a native type.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            // Nothing is deleted by cascade unless a configuration says so: records are kept, not lost.
            foreach (var fk in entity.GetForeignKeys().Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && !fk.IsOwnership))
            {
                if (fk.DeclaringEntityType.ClrType.Namespace?.StartsWith("AreaPartnerships", StringComparison.Ordinal) == true
                    && !CascadeAllowed.Contains(fk.DeclaringEntityType.ClrType))
                {
                    fk.DeleteBehavior = DeleteBehavior.Restrict;
                }
            }
        }
    }

    /// <summary>Link rows that belong wholly to their parent and go with it.</summary>
    /// <summary>
    /// The app's <see cref="ChoicesVersion"/>, which saves that change what lists offer as choices move on: from the
    /// application's services the options were built with (a pooled context is built with the options alone). None for
    /// a context made outside the app (the generator's, a test's own).
    /// </summary>
    private ChoicesVersion? Choices =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(ChoicesVersion)) as ChoicesVersion;

    private static readonly HashSet<Type> CascadeAllowed =
        [typeof(UserArea), typeof(UserWard), typeof(TaskGroupMember), typeof(MeetingAttendee), typeof(IssueSubject)];

    private void StampVersions()
    {
        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ChoiceTypes.Contains(e.Metadata.ClrType)))
        {
            Choices?.MoveOn();
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
