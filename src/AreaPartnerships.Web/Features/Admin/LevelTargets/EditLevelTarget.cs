using System.ComponentModel.DataAnnotations;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.LevelTargets;

/// <summary>
/// List the four levels' target response times and change one. A new target applies to issues triaged,
/// stepped up or stepped down from then on; due dates already set are left as they were promised.
/// </summary>
public static class EditLevelTarget
{
    public sealed record Row(IssueLevel Level, int TargetDays, int OpenIssues);

    public sealed class Form : IVersionedForm
    {
        [BindNever]
        public IssueLevel Level { get; set; }

        [Display(Name = "the target in days")]
        public int? TargetDays { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public int CurrentDays { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.TargetDays).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the target in days, for example 28")
                .InclusiveBetween(1, LevelTarget.MaxDays).WithMessage($"The target must be between 1 and {LevelTarget.MaxDays} days");
    }

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct)
        {
            var open = await db.Issues.AsNoTracking()
                .Where(i => i.Level != null && (i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress))
                .GroupBy(i => i.Level!.Value)
                .Select(g => new { Level = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Level, g => g.Count, ct);
            var targets = await db.LevelTargets.AsNoTracking().OrderBy(t => t.Level).ToListAsync(ct);
            return [.. targets.Select(t => new Row(t.Level, t.TargetDays, open.GetValueOrDefault(t.Level)))];
        }

        public async Task<Form?> LoadAsync(IssueLevel level, CancellationToken ct) =>
            await db.LevelTargets.AsNoTracking().Where(t => t.Level == level)
                .Select(t => new Form { Level = t.Level, TargetDays = t.TargetDays, CurrentDays = t.TargetDays, Version = t.Version })
                .SingleOrDefaultAsync(ct);

        /// <summary>The posted form with the stored target beside it, for a re-render.</summary>
        public async Task<Form> RefillAsync(Form form, CancellationToken ct)
        {
            form.CurrentDays = await db.LevelTargets.Where(t => t.Level == form.Level).Select(t => t.TargetDays).SingleOrDefaultAsync(ct);
            return form;
        }

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            var target = await db.LevelTargets.SingleOrDefaultAsync(t => t.Level == form.Level, ct);
            if (target is null)
            {
                return SaveResult.Missing();
            }

            target.Change(form.TargetDays!.Value);
            return await VersionedSave.SaveAsync(db, target, form.Version, new ConflictText("target", v => [Days(v.GetValue<int>(nameof(LevelTarget.TargetDays)))]), ct);
        }
    }
}
