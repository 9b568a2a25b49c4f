using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Subjects;

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.HasOne(s => s.LeadProfessional).WithMany().HasForeignKey(s => s.LeadProfessionalId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ConsentRecordedById);
        builder.HasIndex(s => s.Postcode);
        builder.HasIndex(s => s.Name);
    }
}

internal sealed class IssueSubjectConfiguration : IEntityTypeConfiguration<IssueSubject>
{
    public void Configure(EntityTypeBuilder<IssueSubject> builder)
    {
        builder.HasKey(x => new { x.IssueId, x.SubjectId });
        builder.HasOne<Issue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId);
        builder.HasIndex(x => x.SubjectId);
    }
}
