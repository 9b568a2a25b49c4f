using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure.Seeding;

/// <summary>
/// Data every deployment needs, Production included: the seven roles, a target response time per
/// level and the standard issue categories. Adds only what is missing, so it runs at every start-up
/// and never overwrites what an administrator has changed.
/// </summary>
public static class ReferenceData
{
    /// <summary>Default target response per level, in days (the administrator can change them).</summary>
    public static readonly IReadOnlyDictionary<IssueLevel, int> DefaultTargetDays = new Dictionary<IssueLevel, int>
    {
        [IssueLevel.FrontLine] = 10,
        [IssueLevel.Partnership] = 30,
        [IssueLevel.MultiAgency] = 90,
        [IssueLevel.Borough] = 180,
    };

    /// <summary>Standard categories: name, Open311 service code, theme.</summary>
    public static readonly IReadOnlyList<(string Name, string Code, IssueTheme Theme)> Categories =
    [
        ("Fly-tipping", "fly-tipping", IssueTheme.CleanerSaferGreener),
        ("Litter and street cleanliness", "street-cleansing", IssueTheme.CleanerSaferGreener),
        ("Graffiti", "graffiti", IssueTheme.CleanerSaferGreener),
        ("Potholes and damaged roads", "highways", IssueTheme.CleanerSaferGreener),
        ("Street lighting", "street-lighting", IssueTheme.CleanerSaferGreener),
        ("Parks and open spaces", "parks", IssueTheme.CleanerSaferGreener),
        ("Noise and nuisance", "noise-nuisance", IssueTheme.CleanerSaferGreener),
        ("Anti-social behaviour", "asb", IssueTheme.CommunitySafety),
        ("Crime and drugs", "crime-drugs", IssueTheme.CommunitySafety),
        ("Road safety and parking", "road-safety", IssueTheme.CommunitySafety),
        ("Fire risk", "fire-risk", IssueTheme.CommunitySafety),
        ("Debt and money advice", "debt", IssueTheme.Financial),
        ("Doorstep lending", "doorstep-lending", IssueTheme.Financial),
        ("Worklessness and skills", "worklessness", IssueTheme.Financial),
        ("Poverty and food insecurity", "poverty", IssueTheme.Financial),
        ("Health and wellbeing", "health", IssueTheme.HealthAndWellbeing),
        ("Housing conditions", "housing-conditions", IssueTheme.Housing),
        ("Empty and derelict properties", "empty-properties", IssueTheme.Housing),
        ("Families needing early help", "early-help", IssueTheme.ChildrenAndFamilies),
        ("Youth provision", "youth", IssueTheme.ChildrenAndFamilies),
        ("Other", "other", IssueTheme.Other),
    ];

    public static async Task EnsureAsync(AppDbContext db, RoleManager<ApplicationRole> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new ApplicationRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }

        var levels = await db.LevelTargets.Select(t => t.Level).ToListAsync();
        foreach (var (level, days) in DefaultTargetDays.Where(d => !levels.Contains(d.Key)))
        {
            db.LevelTargets.Add(new LevelTarget(level, days));
        }

        var codes = await db.Categories.Select(c => c.Code).ToListAsync();
        foreach (var (name, code, theme) in Categories.Where(c => !codes.Contains(c.Code)))
        {
            db.Categories.Add(new Category(name, code, theme));
        }

        await db.SaveChangesAsync();
    }
}
