using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.Property(u => u.JobTitle).HasMaxLength(ApplicationUser.JobTitleMaxLength);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId);
        builder.HasIndex(u => u.OrganisationId);
        builder.HasIndex(u => u.DisplayName);
        builder.HasMany(u => u.Areas).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.Wards).WithOne().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Areas).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(u => u.Wards).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class UserAreaConfiguration : IEntityTypeConfiguration<UserArea>
{
    public void Configure(EntityTypeBuilder<UserArea> builder)
    {
        builder.HasKey(x => new { x.UserId, x.AreaId });
        builder.HasIndex(x => x.AreaId);
    }
}

internal sealed class UserWardConfiguration : IEntityTypeConfiguration<UserWard>
{
    public void Configure(EntityTypeBuilder<UserWard> builder)
    {
        builder.HasKey(x => new { x.UserId, x.WardId });
        builder.HasIndex(x => x.WardId);
    }
}

internal sealed class ConfidentialityAgreementConfiguration : IEntityTypeConfiguration<ConfidentialityAgreement>
{
    public void Configure(EntityTypeBuilder<ConfidentialityAgreement> builder)
    {
        builder.Property(x => x.WordingVersion).HasMaxLength(ConfidentialityAgreement.WordingVersionMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.RecordedById);
        builder.HasIndex(x => new { x.UserId, x.SignedOn });
    }
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.KeepUntil);
    }
}
