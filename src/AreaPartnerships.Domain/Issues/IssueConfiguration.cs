using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Issues;

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.Property(i => i.Reference).HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(Issue.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Issue.DescriptionMaxLength);
        builder.Property(i => i.Address).HasMaxLength(300);
        builder.Property(i => i.Postcode).HasMaxLength(10);
        builder.Property(i => i.OnBehalfOfName).HasMaxLength(150);
        builder.Property(i => i.OnBehalfOfContact).HasMaxLength(250);
        builder.Property(i => i.Outcome).HasMaxLength(4000);

        builder.HasOne(i => i.Area).WithMany().HasForeignKey(i => i.AreaId);
        builder.HasOne(i => i.Ward).WithMany().HasForeignKey(i => i.WardId);
        builder.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId);
        builder.HasOne(i => i.RaisedBy).WithMany().HasForeignKey(i => i.RaisedById);
        builder.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId);
        builder.HasOne(i => i.LeadOrganisation).WithMany().HasForeignKey(i => i.LeadOrganisationId);
        builder.HasOne(i => i.ReferredOrganisation).WithMany().HasForeignKey(i => i.ReferredOrganisationId);
        builder.HasOne(i => i.TaskGroup).WithMany().HasForeignKey(i => i.TaskGroupId);
        builder.HasOne<Issue>().WithMany().HasForeignKey(i => i.DuplicateOfId);

        // The case list filters by scope (area / ward / organisation / owner) and by each filter it offers,
        // and sorts by each column it offers; each index ends with the default sort (RaisedAt) or Id so a
        // filtered page is a range seek, not a scan. Free text on the title cannot use an index (contains).
        // Pages are read by key (ListIssues' seek), so every sort the list offers has an index (sort column, Id) that
        // serves the whole table in that order, and the scopes people work in (area, ward, owner) have one in the
        // default order: the first or next 25 rows are a range read whatever the table's size (docs/decisions/0023).
        builder.HasIndex(i => i.Reference).IsUnique();
        builder.HasIndex(i => new { i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.AreaId, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.AreaId, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.WardId, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.WardId, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.Level, i.Id });
        builder.HasIndex(i => new { i.Level, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.OwnerId, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.OwnerId, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.LeadOrganisationId, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.ReferredOrganisationId, i.Status, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.CategoryId, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.Source, i.RaisedAt, i.Id });
        builder.HasIndex(i => new { i.TargetDate, i.Id });

        // Overdue and follow-ups due are counted live (they depend on today's date): each seek starts from the open
        // statuses, so the cost is the open work, not the history, and carries area and ward so a count per area or
        // ward is read from the index alone.
        builder.HasIndex(i => new { i.Status, i.TargetDate, i.AreaId, i.WardId });
        builder.HasIndex(i => new { i.Status, i.FollowUpOn, i.ReferralConfirmedAt, i.AreaId, i.WardId });
        builder.HasIndex(i => new { i.AreaId, i.Status, i.TargetDate });
        builder.HasIndex(i => new { i.AreaId, i.Status, i.FollowUpOn, i.ReferralConfirmedAt });
        builder.HasIndex(i => new { i.LastActivityAt, i.Id });

        // A support officer's "no update in 14 days": their areas' open issues, oldest activity first.
        builder.HasIndex(i => new { i.AreaId, i.Status, i.LastActivityAt });
        builder.HasIndex(i => new { i.Title, i.Id });
        // A partner's open issues, term by term (Viewer.VisibleOpenIssues): those they raised, those in their
        // organisation's task groups, each read as its open ones only (they also serve the foreign keys).
        builder.HasIndex(i => new { i.TaskGroupId, i.Status });
        builder.HasIndex(i => new { i.RaisedById, i.Status });
        builder.HasIndex(i => i.DuplicateOfId);
        builder.Navigation(i => i.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IssueEventConfiguration : IEntityTypeConfiguration<IssueEvent>
{
    public void Configure(EntityTypeBuilder<IssueEvent> builder)
    {
        builder.Property(e => e.Summary).HasMaxLength(300);
        builder.Property(e => e.Field).HasMaxLength(50);
        builder.Property(e => e.OldValue).HasMaxLength(300);
        builder.Property(e => e.NewValue).HasMaxLength(300);
        builder.Property(e => e.Body).HasMaxLength(4000);
        builder.HasOne<Issue>().WithMany(i => i.Events).HasForeignKey(e => e.IssueId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId);
        // RelatedIssueId is a plain column, not a foreign key: adding one would make SQLite rebuild this, the largest table.

        // The timeline reads newest first by when things happened (rows are not always inserted in that order).
        builder.HasIndex(e => new { e.IssueId, e.OccurredAt, e.Id });
        // Steps (and other kinds) in a period, with their issues, read from the index alone: the case list's "moved
        // between levels" filter behind the dashboard's flow figures, and the agenda's "stepped up since".
        builder.HasIndex(e => new { e.Kind, e.OccurredAt, e.IssueId });
        builder.HasIndex(e => e.ActorId);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Category.NameMaxLength);
        builder.Property(c => c.Code).HasMaxLength(50);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.Theme);
        builder.HasOne(c => c.FrontLineOrganisation).WithMany().HasForeignKey(c => c.FrontLineOrganisationId);
    }
}

internal sealed class IssueLinkConfiguration : IEntityTypeConfiguration<IssueLink>
{
    public void Configure(EntityTypeBuilder<IssueLink> builder)
    {
        builder.Property(l => l.Reason).HasMaxLength(IssueLink.ReasonMaxLength);
        builder.HasOne<Issue>().WithMany().HasForeignKey(l => l.IssueId);
        builder.HasOne<Issue>().WithMany().HasForeignKey(l => l.OtherIssueId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.LinkedById);

        // One link per pair (stored lower id first); an issue's links are a seek on either column.
        builder.HasIndex(l => new { l.IssueId, l.OtherIssueId }).IsUnique();
        builder.HasIndex(l => l.OtherIssueId);
    }
}

internal sealed class LevelTargetConfiguration : IEntityTypeConfiguration<LevelTarget>
{
    public void Configure(EntityTypeBuilder<LevelTarget> builder)
    {
        builder.HasKey(t => t.Level);
        builder.Property(t => t.Level).ValueGeneratedNever();
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();

        // Left from when numbers were taken under a version check: no longer read or checked (the number is
        // taken by one atomic UPDATE). Kept in the schema so no table rebuild is needed.
        builder.Property<Guid>("Version");
    }
}
