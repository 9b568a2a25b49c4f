using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Areas;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Area.NameMaxLength);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasMany(a => a.Wards).WithOne(w => w.Area).HasForeignKey(w => w.AreaId);
        builder.Navigation(a => a.Wards).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(Ward.NameMaxLength);
        builder.HasIndex(w => w.Name).IsUnique();
        builder.HasIndex(w => w.AreaId);
    }
}
