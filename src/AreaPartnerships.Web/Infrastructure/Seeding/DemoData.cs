using AreaPartnerships.Domain;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure.Seeding;

/// <summary>
/// Walsall demo data for Development: the six Area Partnerships and twenty wards of DOMAIN.md, partner
/// organisations, one demo user per role (password <see cref="Password"/>, listed in the README),
/// three invented councillors per ward and a few dozen issues across levels and statuses.
/// Runs only when the database has no areas, so it never touches real data.
/// </summary>
public static class DemoData
{
    /// <summary>Published in the README: demo data must never reach Production (see DatabaseSetup).</summary>
    public const string Password = "Walsall-Demo-2026!";

    public const string Domain = "demo.walsall.test";

    // Area, ward, population, rank of deprivation within the borough (1 = most deprived). Invented but plausible.
    private static readonly (string Area, string Ward, int Population, int Rank)[] Wards =
    [
        ("Aldridge & Beacon", "Aldridge Central and South", 13_100, 19),
        ("Aldridge & Beacon", "Aldridge North and Walsall Wood", 12_900, 15),
        ("Aldridge & Beacon", "Pheasey Park Farm", 12_300, 17),
        ("Aldridge & Beacon", "Streetly", 12_600, 20),
        ("Brownhills, Pelsall, Rushall & Shelfield", "Brownhills", 12_700, 11),
        ("Brownhills, Pelsall, Rushall & Shelfield", "Pelsall", 11_900, 16),
        ("Brownhills, Pelsall, Rushall & Shelfield", "Rushall-Shelfield", 11_500, 14),
        ("Darlaston & Bentley", "Bentley and Darlaston North", 13_300, 7),
        ("Darlaston & Bentley", "Darlaston South", 13_400, 5),
        ("North Walsall", "Birchills Leamore", 14_200, 4),
        ("North Walsall", "Blakenall", 14_000, 1),
        ("North Walsall", "Bloxwich East", 12_800, 8),
        ("North Walsall", "Bloxwich West", 13_600, 12),
        ("South Walsall", "St Matthew's", 15_400, 3),
        ("South Walsall", "Paddock", 13_000, 18),
        ("South Walsall", "Palfrey", 15_100, 6),
        ("South Walsall", "Pleck", 14_300, 2),
        ("Willenhall & Short Heath", "Short Heath", 12_200, 13),
        ("Willenhall & Short Heath", "Willenhall North", 12_900, 10),
        ("Willenhall & Short Heath", "Willenhall South", 14_700, 9),
    ];

    private static readonly (string Name, OrganisationKind Kind, string? FrontLineContact)[] Organisations =
    [
        ("West Midlands Police", OrganisationKind.Police, "Call 101 or report online at west-midlands.police.uk"),
        ("West Midlands Fire Service", OrganisationKind.FireAndRescue, "Safe and well visits: 0800 389 5525"),
        ("NHS Walsall", OrganisationKind.Health, null),
        ("Walsall Housing Group", OrganisationKind.Housing, "Tenancy team: 0800 345 345 or whg.uk.com"),
        ("Anti-social Behaviour Team", OrganisationKind.AntiSocialBehaviour, "asb@demo.walsall.test or 01922 650000"),
        ("Street Cleansing", OrganisationKind.CouncilService, "Report it online at walsall.gov.uk/report or 01922 650000"),
        ("Highways", OrganisationKind.CouncilService, "Report a road problem at walsall.gov.uk/highways or 01922 650000"),
        ("Environmental Health", OrganisationKind.CouncilService, "Noise and nuisance line: 01922 653010"),
        ("Money Advice Walsall", OrganisationKind.Voluntary, null),
        ("Children's Early Help", OrganisationKind.CouncilService, null),
        ("Walsall Works", OrganisationKind.CouncilService, null),
    ];

    // Which front-line service usually does each category's simple jobs (shown to councillors before raising).
    private static readonly (string CategoryCode, string Organisation)[] FrontLineServices =
    [
        ("fly-tipping", "Street Cleansing"),
        ("street-cleansing", "Street Cleansing"),
        ("graffiti", "Street Cleansing"),
        ("highways", "Highways"),
        ("street-lighting", "Highways"),
        ("noise-nuisance", "Environmental Health"),
        ("asb", "Anti-social Behaviour Team"),
        ("fire-risk", "West Midlands Fire Service"),
        ("housing-conditions", "Walsall Housing Group"),
    ];

    private static readonly string[] FirstNames =
    [
        "Amrit", "Barbara", "Carl", "Deborah", "Ellis", "Farah", "Gareth", "Harjit", "Irene", "Jaswinder",
        "Keith", "Lorraine", "Mohammed", "Nadia", "Owen", "Pauline", "Rashid", "Sandra", "Trevor", "Yasmin",
    ];

    private static readonly string[] LastNames =
    [
        "Ahmed", "Bennett", "Chana", "Dhillon", "Evans", "Fletcher", "Gill", "Hartley", "Iqbal", "Jones",
        "Kaur", "Lloyd", "Malik", "Nash", "Oakley", "Patel", "Riley", "Singh", "Turner", "Walker",
    ];

    public static async Task SeedAsync(AppDbContext db, UserManager<ApplicationUser> userManager, TimeProvider timeProvider)
    {
        if (await db.Areas.AnyAsync())
        {
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;

        var areas = Wards.Select(w => w.Area).Distinct().ToDictionary(name => name, name => new Area(name));
        db.Areas.AddRange(areas.Values);
        await db.SaveChangesAsync();

        var wards = new Dictionary<string, Ward>();
        foreach (var (area, name, population, rank) in Wards)
        {
            var ward = new Ward(name, areas[area].Id);
            ward.Update(name, areas[area].Id, population, rank, isActive: true);
            wards[name] = ward;
        }

        db.Wards.AddRange(wards.Values);

        var organisations = Organisations.ToDictionary(
            o => o.Name,
            o => new Organisation(o.Name, o.Kind, isFrontLineService: o.FrontLineContact is not null, o.FrontLineContact));
        db.Organisations.AddRange(organisations.Values);
        await db.SaveChangesAsync();

        var categories = await db.Categories.ToDictionaryAsync(c => c.Code);
        foreach (var (code, organisation) in FrontLineServices)
        {
            if (categories.TryGetValue(code, out var category))
            {
                category.SetFrontLineService(organisations[organisation].Id);
            }
        }

        await db.SaveChangesAsync();

        async Task<ApplicationUser> User(string localPart, string name, string role, string? jobTitle = null,
            string[]? areaNames = null, string[]? wardNames = null, string? organisation = null, bool canSignIn = true)
        {
            var user = new ApplicationUser($"{localPart}@{Domain}", name)
            {
                JobTitle = jobTitle,
                EmailConfirmed = true,
                CreatedAt = now,
                OrganisationId = organisation is null ? null : organisations[organisation].Id,
            };
            user.SetAreas((areaNames ?? []).Select(a => areas[a].Id));
            user.SetWards((wardNames ?? []).Select(w => wards[w].Id));
            ScopeRules.Check(role, user.Areas.Select(a => a.AreaId).ToList(), user.Wards.Select(w => w.WardId).ToList(), user.OrganisationId);

            var created = canSignIn ? await userManager.CreateAsync(user, Password) : await userManager.CreateAsync(user);
            Check(created, user.Email!);
            Check(await userManager.AddToRoleAsync(user, role), user.Email!);
            return user;
        }

        var admin = await User("admin", "Sam Okafor", Roles.Administrator, "Systems administrator", organisation: null);
        var partnershipManager = await User("partnership.manager", "Helen Price", Roles.PartnershipManager, "Area Partnerships manager");
        var southManager = await User("area.manager", "Priya Sharma", Roles.AreaManager, "Area manager, South Walsall", areaNames: ["South Walsall"]);
        var northManager = await User("area.manager.north", "Dave Hughes", Roles.AreaManager, "Area manager, North Walsall", areaNames: ["North Walsall"]);
        var eastManager = await User("area.manager.east", "Linda Chapman", Roles.AreaManager, "Area manager, Darlaston & Bentley and Willenhall & Short Heath",
            areaNames: ["Darlaston & Bentley", "Willenhall & Short Heath"]);
        var westManager = await User("area.manager.west", "Neil Forrester", Roles.AreaManager, "Area manager, Aldridge & Beacon and Brownhills, Pelsall, Rushall & Shelfield",
            areaNames: ["Aldridge & Beacon", "Brownhills, Pelsall, Rushall & Shelfield"]);
        var supportOfficer = await User("support.officer", "Tom Barker", Roles.SupportOfficer, "Area support officer", areaNames: ["South Walsall"]);
        var councillor = await User("councillor", "Cllr Aisha Khan", Roles.Councillor, "Ward councillor", wardNames: ["St Matthew's"]);
        var police = await User("police", "PC Mark Davies", Roles.PartnerUser, "Neighbourhood PCSO supervisor", organisation: "West Midlands Police");
        var housing = await User("housing", "Janet Moore", Roles.PartnerUser, "Neighbourhood housing officer", organisation: "Walsall Housing Group");
        var fire = await User("fire", "Stuart Reid", Roles.PartnerUser, "Community safety officer", organisation: "West Midlands Fire Service");

        // Three councillors per ward (St Matthew's has the demo councillor as one of its three). They
        // cannot sign in: they exist so ward pages and lists look real.
        var nameIndex = 0;
        foreach (var ward in wards.Keys)
        {
            var seats = ward == "St Matthew's" ? 2 : 3;
            for (var seat = 0; seat < seats; seat++, nameIndex++)
            {
                var first = FirstNames[nameIndex % FirstNames.Length];
                var last = LastNames[(nameIndex * 7 + 3) % LastNames.Length];
                await User($"cllr.{first}.{last}.{nameIndex}".ToLowerInvariant(), $"Cllr {first} {last}", Roles.Councillor,
                    "Ward councillor", wardNames: [ward], canSignIn: false);
            }
        }


        var managerOfArea = new Dictionary<int, ApplicationUser>
        {
            [areas["South Walsall"].Id] = southManager,
            [areas["North Walsall"].Id] = northManager,
            [areas["Darlaston & Bentley"].Id] = eastManager,
            [areas["Willenhall & Short Heath"].Id] = eastManager,
            [areas["Aldridge & Beacon"].Id] = westManager,
            [areas["Brownhills, Pelsall, Rushall & Shelfield"].Id] = westManager,
        };
        var raisers = new Dictionary<IssueSource, ApplicationUser>
        {
            [IssueSource.Councillor] = councillor,
            [IssueSource.Resident] = supportOfficer,
            [IssueSource.Partner] = police,
            [IssueSource.CommunityMeeting] = supportOfficer,
            [IssueSource.Officer] = southManager,
        };
        var partnersByOrganisation = new Dictionary<string, ApplicationUser>
        {
            ["West Midlands Police"] = police,
            ["Walsall Housing Group"] = housing,
            ["West Midlands Fire Service"] = fire,
        };
        var targets = await db.LevelTargets.ToDictionaryAsync(t => t.Level, t => t.TargetDays);
        var counters = new Dictionary<int, ReferenceCounter>();

        foreach (var spec in DemoIssues)
        {
            var ward = wards[spec.Ward];
            var raisedAt = now.AddDays(-spec.DaysAgo).Date.AddHours(9 + (spec.DaysAgo % 8));
            var raisedBy = spec.Source == IssueSource.Councillor && ward.Name != "St Matthew's"
                ? managerOfArea[ward.AreaId]
                : spec.Source == IssueSource.Officer ? managerOfArea[ward.AreaId] : raisers[spec.Source];

            if (!counters.TryGetValue(raisedAt.Year, out var counter))
            {
                counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Year == raisedAt.Year) ?? db.ReferenceCounters.Add(new ReferenceCounter(raisedAt.Year)).Entity;
                counters[raisedAt.Year] = counter;
            }

            var issue = new Issue(counter.Next(), spec.Title, spec.Description, ward, categories[spec.Category].Id, spec.Source, raisedBy.Id, raisedAt)
            {
                Address = spec.Address,
                Postcode = spec.Postcode,
                IsConfidential = spec.Confidential,
            };
            if (spec.Source == IssueSource.Resident)
            {
                issue.OnBehalfOfName = "A resident (name held by the area team)";
            }

            var areaManager = managerOfArea[ward.AreaId];
            Assignment AssignmentFor(IssueLevel level, DateTime at)
            {
                switch (level)
                {
                    case IssueLevel.FrontLine:
                        var service = organisations[spec.Lead ?? "Street Cleansing"];
                        return new Assignment(ReferredOrganisationId: service.Id, ReferredOrganisationName: service.Name, FollowUpOn: DateOnly.FromDateTime(at).AddDays(7));
                    case IssueLevel.Borough:
                        return new Assignment(partnershipManager.Id, partnershipManager.DisplayName);
                    default:
                        var leadName = spec.Lead ?? (level == IssueLevel.MultiAgency ? "Money Advice Walsall" : null);
                        var owner = leadName is not null && partnersByOrganisation.TryGetValue(leadName, out var partner) ? partner : areaManager;
                        var lead = leadName is null ? null : organisations[leadName];
                        return new Assignment(owner.Id, owner.DisplayName, lead?.Id, lead?.Name);
                }
            }

            if (spec.Level is { } finalLevel)
            {
                var triagedBy = finalLevel == IssueLevel.Borough ? partnershipManager : areaManager;
                var triagedAt = raisedAt.AddDays(Math.Min(2, spec.DaysAgo / 2.0));
                var firstLevel = spec.SteppedUpFrom ?? finalLevel;
                issue.Triage(firstLevel, spec.Rationale ?? "Agreed at the tasking meeting.", AssignmentFor(firstLevel, triagedAt), triagedBy.Id, triagedAt, targets[firstLevel]);

                if (firstLevel != finalLevel)
                {
                    var movedAt = triagedAt.AddDays(Math.Max(1, spec.DaysAgo / 3));
                    if (finalLevel > firstLevel)
                    {
                        issue.StepUp(finalLevel, "The front-line response has not held: repeat reports and more than one agency now involved.",
                            AssignmentFor(finalLevel, movedAt), triagedBy.Id, movedAt, targets[finalLevel]);
                    }
                    else
                    {
                        issue.StepDown(finalLevel, "The multi-agency work is done; what remains is routine for the local team.",
                            AssignmentFor(finalLevel, movedAt), triagedBy.Id, movedAt, targets[finalLevel]);
                    }
                }

                var at = raisedAt.AddDays(Math.Max(1, spec.DaysAgo * 2 / 3));
                if (spec.Status is IssueStatus.InProgress or IssueStatus.Resolved or IssueStatus.Closed)
                {
                    issue.Start(triagedBy.Id, at);
                    issue.AddNote(spec.Note ?? "Visited the site with partners; actions agreed and owners named.",
                        spec.Confidential ? Visibility.Confidential : Visibility.Everyone, triagedBy.Id, at.AddHours(2));
                }

                if (spec.Status is IssueStatus.Resolved or IssueStatus.Closed)
                {
                    var resolvedAt = now.AddDays(-Math.Max(1, spec.DaysAgo / 4));
                    var outcome = spec.Outcome ?? "Problem resolved; no further reports in the follow-up period.";
                    if (issue.Level == IssueLevel.FrontLine)
                    {
                        issue.ConfirmReferralDone(outcome, triagedBy.Id, resolvedAt);
                    }
                    else
                    {
                        issue.Resolve(outcome, triagedBy.Id, resolvedAt);
                    }

                    if (spec.Status == IssueStatus.Closed)
                    {
                        issue.Close(triagedBy.Id, resolvedAt.AddDays(1));
                    }
                }
            }
            else if (spec.Status == IssueStatus.Withdrawn)
            {
                issue.Withdraw(spec.Note ?? "Not for the partnership.", duplicateOf: null, areaManager.Id, raisedAt.AddDays(1));
            }

            db.Issues.Add(issue);
            await db.SaveChangesAsync();
        }

        await SeedPlansAndTaskGroupsAsync(db, areas["South Walsall"], organisations, southManager, police, housing, fire, supportOfficer, now);
        await SeedMeetingsAsync(db, areas["South Walsall"], wards["St Matthew's"], partnershipManager, southManager, supportOfficer, councillor, police, housing, fire, now);
        await SeedQuickWinsAsync(db, areas, managerOfArea, partnershipManager, now);
        await SeedCostsAsync(db, organisations, managerOfArea, areas, now);
        await SeedWardFiguresAsync(db, wards, admin, now);
    }

    /// <summary>
    /// A ward profile import, as the administrator would load it: each ward's population and deprivation rank (the
    /// figures the wards already carry), households and the claimant count. Invented but plausible, and labelled so.
    /// </summary>
    private static async Task SeedWardFiguresAsync(AppDbContext db, Dictionary<string, Ward> wards, ApplicationUser admin, DateTime now)
    {
        var import = new WardFigureImport("walsall-ward-profiles-2025.csv", admin.Id, now.AddDays(-40));
        db.WardFigureImports.Add(import);
        await db.SaveChangesAsync();
        var census = new DateOnly(2021, 3, 21);
        var imd = new DateOnly(2025, 10, 30);
        var claimants = new DateOnly(2026, 9, 30);
        foreach (var (_, name, population, rank) in Wards)
        {
            var ward = wards[name];
            db.WardFigures.AddRange(
                new WardFigure(import.Id, ward.Id, "Population", population, "ONS Census 2021 (illustrative demo figure)", census),
                new WardFigure(import.Id, ward.Id, "Households", Math.Round(population / 2.4m), "ONS Census 2021 (illustrative demo figure)", census),
                new WardFigure(import.Id, ward.Id, "Deprivation rank", rank, "English Indices of Deprivation 2025, rank within Walsall (illustrative)", imd),
                new WardFigure(import.Id, ward.Id, "Claimant count", Math.Round(population * (0.012m + (0.0015m * (21 - rank)))), "DWP claimant count (illustrative demo figure)", claimants));
        }

        import.FigureCount = Wards.Length * 4;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The unit-cost table (the review's own figures where it gives them, otherwise illustrative figures that say so,
    /// and one retired), costs on a few cases, and cost-avoidance estimates: the sources' St Matthew's family (late
    /// path £26,197, early help £347, care at £259,000 with a one-in-ten chance), savings that land with partners on
    /// Williams Street and the Darlaston hoarding case, and a low-confidence guess on worklessness that the
    /// value-for-money report keeps apart.
    /// </summary>
    private static async Task SeedCostsAsync(AppDbContext db, Dictionary<string, Organisation> organisations, Dictionary<int, ApplicationUser> managerOfArea,
        Dictionary<string, Area> areas, DateTime now)
    {
        var today = UkTime.DateOf(now);
        var review = new DateOnly(2011, 3, 1);
        const string Illustrative = "Illustrative demo figure: replace it with your council's own source";
        UnitCost Cost(string name, string unit, decimal value, OrganisationKind agency, string source, DateOnly? date) =>
            new(name, unit, value, agency, source, date, today);
        var units = new[]
        {
            Cost("A child taken into care", "per child (the care package)", 259_000m, OrganisationKind.CouncilService,
                "Walsall area partnerships review: \"the costs of this would be around £259,000\"", review),
            Cost("Late intervention path for a family", "per family", 26_197m, OrganisationKind.CouncilService,
                "Walsall area partnerships review: Family 1's costs across agencies, October 2009 onwards (the source gives no split by agency)", review),
            Cost("Early help for a family", "per family", 347m, OrganisationKind.CouncilService,
                "Walsall area partnerships review: Family 2's early help, June 2010 onwards", review),
            Cost("Police response to an incident", "per incident", 250m, OrganisationKind.Police, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("An eviction by a social landlord", "per eviction", 7_000m, OrganisationKind.Housing, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("A&E attendance", "per attendance", 180m, OrganisationKind.Health, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("Fire and rescue response to a dwelling fire", "per incident", 3_000m, OrganisationKind.FireAndRescue, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("Out-of-work benefits for a year", "per claimant per year", 9_000m, OrganisationKind.Dwp, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("Fly-tip clearance", "per clearance", 90m, OrganisationKind.CouncilService, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("Officer time", "per hour", 32m, OrganisationKind.CouncilService, Illustrative, new DateOnly(2026, 4, 1)),
            Cost("Police response to an incident (2019 figure)", "per incident", 210m, OrganisationKind.Police, Illustrative, new DateOnly(2019, 4, 1)),
        };
        db.UnitCosts.AddRange(units);
        await db.SaveChangesAsync();
        units[^1].Retire();
        var unit = units.ToDictionary(u => u.Name);

        async Task<Issue> Find(string title) => await db.Issues.SingleAsync(i => i.Title == title);
        DateTime At(int daysAgo) => now.AddDays(-daysAgo);

        void RecordCost(Issue issue, IssueCost cost, int byId, DateTime at)
        {
            db.IssueCosts.Add(cost);
            issue.RecordCost($"Cost recorded: {cost.Description}, {Money.Pounds(cost.Amount)}", $"Borne by {organisations.Values.Single(o => o.Id == cost.OrganisationId).Name}", byId, at);
        }

        void Estimate(Issue issue, int byId, int daysAgo, string method, EstimateConfidence confidence, params (string Unit, decimal Quantity, decimal Chance, string? Note)[] lines)
        {
            var estimate = new CostEstimate(issue.Id, byId, At(daysAgo), UkTime.DateOf(At(daysAgo)));
            foreach (var line in lines)
            {
                var added = estimate.AddLine(unit[line.Unit], line.Quantity, line.Chance, line.Note, byId, At(daysAgo), UkTime.DateOf(At(daysAgo)));
                issue.RecordEstimate($"Estimate line added: {added.Name} × {added.Quantity:0.##} × {added.Probability:0.##%}", Money.Pounds(added.Amount), byId, At(daysAgo));
            }

            estimate.Describe(method, confidence, byId, At(daysAgo), UkTime.DateOf(At(daysAgo)));
            db.CostEstimates.Add(estimate);
        }

        // St Matthew's: the review's own case.
        var family = await Find("Family in Caldmore helped early by a lead professional");
        var south = managerOfArea[areas["South Walsall"].Id].Id;
        RecordCost(family, IssueCost.FromUnitCost(family.Id, organisations["Children's Early Help"], unit["Early help for a family"], 1, null,
            today.AddDays(-120), south, At(120), today), south, At(120));
        Estimate(family, south, 30,
            "Family 1 in the review, a comparable family reached late, cost £26,197 across agencies; if this family's needs escalate the same way, that cost "
            + "is likely. The review puts Family 1's chance of a child going into care at one in ten, at around £259,000.",
            EstimateConfidence.Medium,
            ("Late intervention path for a family", 1m, 1m, "Family 1's path, October 2009 onwards"),
            ("A child taken into care", 1m, 0.1m, "One in ten, as the review puts it"));

        // Williams Street: most of what is saved lands with the police and the housing group.
        var williams = await Find("ASB around Williams Street");
        RecordCost(williams, IssueCost.Free(williams.Id, organisations["West Midlands Police"], "Two evenings of high-visibility patrols", 640m,
            today.AddDays(-150), south, At(150), today), south, At(150));
        RecordCost(williams, IssueCost.FromUnitCost(williams.Id, organisations["Walsall Housing Group"], unit["Officer time"], 6, "Housing officer's tenancy visits",
            today.AddDays(-140), south, At(140), today), south, At(140));
        Estimate(williams, south, 60,
            "Police incident logs for the six months before the gate went in; the housing group's view on the two tenancies at risk.",
            EstimateConfidence.Medium,
            ("Police response to an incident", 24m, 0.5m, "Half of last half-year's call-outs, had nothing changed"),
            ("An eviction by a social landlord", 2m, 0.3m, "Two tenancies at risk"),
            ("A&E attendance", 2m, 0.25m, null));

        // Darlaston hoarding: the fire service and the housing group are the ones spared.
        var hoarding = await Find("Hoarding and fire risk in a Darlaston flat");
        var darlaston = managerOfArea[hoarding.AreaId].Id;
        RecordCost(hoarding, IssueCost.Free(hoarding.Id, organisations["West Midlands Fire Service"], "Safe and well visit and a fire-risk assessment", 180m,
            today.AddDays(-30), darlaston, At(30), today), darlaston, At(30));
        Estimate(hoarding, darlaston, 20,
            "The fire service's assessment of the block; the housing group's cost of the last eviction it carried out for a fire risk.",
            EstimateConfidence.High,
            ("Fire and rescue response to a dwelling fire", 1m, 0.25m, "The fire service rates the risk as high"),
            ("An eviction by a social landlord", 1m, 0.4m, null),
            ("A&E attendance", 2m, 0.25m, null));

        // Worklessness: a guess, kept apart from the headline.
        var work = await Find("Worklessness among 16–24s in Pleck");
        Estimate(work, south, 10, "A rough guess: if three of the young people on the boxing sessions find work within a year.", EstimateConfidence.Low,
            ("Out-of-work benefits for a year", 3m, 0.2m, null));

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Quick-win budgets: every area has £10,000 for last year and this year (South Walsall's this year raised to
    /// £12,000 with a reason), and a year of spends — South Walsall's linked to its issues where they serve one, one paid
    /// to a private individual (sensitive), one corrected and one reversed — with lighter spending elsewhere.
    /// </summary>
    private static async Task SeedQuickWinsAsync(AppDbContext db, Dictionary<string, Area> areas, Dictionary<int, ApplicationUser> managerOfArea,
        ApplicationUser partnershipManager, DateTime now)
    {
        var today = UkTime.DateOf(now);
        var thisYear = FinancialYear.Containing(today);
        var lastYear = new FinancialYear(thisYear.StartYear - 1);
        db.QuickWinSettings.Single(s => s.Id == QuickWinSettings.SingletonId).SetCeiling(2_500m);
        var budgets = new List<(QuickWinBudget Budget, Area Area)>();
        foreach (var area in areas.Values.OrderBy(a => a.Name))
        {
            foreach (var year in new[] { lastYear, thisYear })
            {
                var budget = new QuickWinBudget(area.Id, year, 10_000m);
                db.QuickWinBudgets.Add(budget);
                budgets.Add((budget, area));
            }
        }

        await db.SaveChangesAsync();
        foreach (var (budget, _) in budgets)
        {
            db.AllocationChanges.Add(budget.FirstAllocation(partnershipManager.Id, budget.FinancialYear.Starts.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)));
        }

        var south = areas["South Walsall"];
        var southNow = budgets.Single(b => b.Area == south && b.Budget.FinancialYearStart == thisYear.StartYear).Budget;
        db.AllocationChanges.Add(southNow.ChangeAllocation(12_000m, "Extra for the Caldmore clean-up agreed at the Borough Management Team", partnershipManager.Id, now.AddDays(-40)));

        var issues = await db.Issues.Where(i => i.AreaId == south.Id).OrderBy(i => i.Id).Select(i => new { i.Id, i.Title }).ToListAsync();
        int? Issue(string startsWith) => issues.FirstOrDefault(i => i.Title.StartsWith(startsWith, StringComparison.Ordinal))?.Id;

        // (days ago, amount, payee, purpose, reference, sensitive, issue)
        var southSpends = new (int Days, decimal Amount, string Payee, string Purpose, string? Reference, bool Sensitive, int? IssueId)[]
        {
            (200, 1_250.00m, "Walsall Skip Hire Ltd", "Two skips for the Caldmore community clean-up day", "PO-48817", false, null),
            (170, 480.00m, "Secure Gates (Midlands) Ltd", "Lockable gate on the alley behind Williams Street", "PO-48902", false, Issue("ASB around Williams Street")),
            (120, 95.50m, "Caldmore Village Festival", "Hall hire for the St Matthew's community meeting", "INV-2231", false, null),
            (90, 640.00m, "Bright Lights Electrical", "Replace two failed lamp columns' fittings in the Pleck underpass", "PO-49310", false, Issue("Street lights out")),
            (60, 150.00m, "Mrs J. Ahmed", "Emergency food and gas top-up for a family referred by the housing officer", null, true, null),
            (35, 2_100.00m, "Pleck Youth Boxing Club", "Ten weeks of evening sessions for young people on the Pleck estate", "PO-49877", false, Issue("Worklessness")),
            (12, 310.00m, "Walsall Skip Hire Ltd", "Clearance of dumped mattresses behind the shops on Caldmore Green", "PO-50102", false, Issue("Mattresses")),
        };
        var entries = new List<QuickWinSpend>();
        foreach (var spend in southSpends)
        {
            var on = today.AddDays(-spend.Days);
            var budget = thisYear.Contains(on) ? southNow : budgets.Single(b => b.Area == south && b.Budget.FinancialYearStart == lastYear.StartYear).Budget;
            var entry = budget.Spend(new SpendDetails(spend.Amount, on, spend.Payee, spend.Purpose, spend.Reference, spend.Sensitive, spend.IssueId), 2_500m,
                managerOfArea[south.Id].Id, on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
            db.QuickWinSpends.Add(entry);
            entries.Add(entry);
            if (spend.IssueId is { } issueId)
            {
                // The spend is on the issue's timeline too, as the spend form puts it.
                var issue = await db.Issues.SingleAsync(i => i.Id == issueId);
                issue.RecordSpend(Features.Budgets.SpendText.TimelineSummary(entry), entry.Purpose, managerOfArea[south.Id].Id, on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
            }
        }

        // A little spending elsewhere, so the monitor has something side by side.
        var other = 0;
        foreach (var (budget, area) in budgets.Where(b => b.Area != south && b.Budget.FinancialYearStart == thisYear.StartYear))
        {
            other++;
            var on = today.AddDays(-20 * other);
            if (budget.FinancialYear.Contains(on))
            {
                db.QuickWinSpends.Add(budget.Spend(new SpendDetails(300m * other, on, "Walsall Skip Hire Ltd", "Fly-tip clearance ahead of a community clean-up", $"PO-51{other:000}", false, null),
                    2_500m, managerOfArea[area.Id].Id, on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc)));
            }
        }

        await db.SaveChangesAsync();

        // Put right by entries against the originals: the gate cost less than ordered; the hall hire was refunded.
        var gate = entries[1];
        var hall = entries[2];
        var gateBudget = budgets.Single(b => b.Budget.Id == gate.BudgetId).Budget;
        var hallBudget = budgets.Single(b => b.Budget.Id == hall.BudgetId).Budget;
        if (gateBudget.FinancialYear.Contains(today.AddDays(-165)))
        {
            db.QuickWinSpends.Add(gateBudget.Adjust(gate, gate.Amount, -55.00m, "The supplier's final invoice was £425.00, not the £480.00 quoted", today.AddDays(-165),
                managerOfArea[south.Id].Id, now.AddDays(-165)));
        }

        if (hallBudget.FinancialYear.Contains(today.AddDays(-100)))
        {
            db.QuickWinSpends.Add(hallBudget.Adjust(hall, hall.Amount, null, "The festival committee waived the hire charge and refunded it", today.AddDays(-100),
                managerOfArea[south.Id].Id, now.AddDays(-100)));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// South Walsall's meetings: a tasking meeting last week (recorded, minutes approved, actions arising on the
    /// Williams Street group and one with no group), a St Matthew's community meeting chaired by the ward councillor,
    /// an upcoming partnership meeting and task group meeting, a cancelled community meeting, and the borough
    /// Operations Group taking the Level 3 and 4 issues. The police user has a confidentiality agreement on record
    /// (so sees the tasking meeting's papers); housing and fire do not.
    /// </summary>
    private static async Task SeedMeetingsAsync(AppDbContext db, Area south, Ward stMatthews, ApplicationUser partnershipManager, ApplicationUser manager,
        ApplicationUser supportOfficer, ApplicationUser councillor, ApplicationUser police, ApplicationUser housing, ApplicationUser fire, DateTime now)
    {
        var today = UkTime.DateOf(now);
        MeetingTime At(int days, int hour, int minutes = 0, int lengthMinutes = 90)
        {
            var start = UkTime.ToUtc(today.AddDays(days), new TimeOnly(hour, minutes))!.Value;
            return new MeetingTime(start, start.AddMinutes(lengthMinutes));
        }

        db.ConfidentialityAgreements.Add(new ConfidentialityAgreement(police.Id, today.AddDays(-90), "Walsall ISA 2026 v2", manager.Id, now.AddDays(-90)));

        var williams = await db.TaskGroups.SingleAsync(g => g.Name == "Williams Street task group");
        var youth = await db.TaskGroups.SingleAsync(g => g.Name == "Pleck youth employment");
        var williamsIssue = await db.Issues.SingleAsync(i => i.Title == "ASB around Williams Street");
        var stMatthewsIssue = await db.Issues.Where(i => i.WardId == stMatthews.Id && !i.IsConfidential).OrderBy(i => i.Id).FirstAsync();
        var boroughIssues = await db.Issues.Where(i => i.Level >= IssueLevel.MultiAgency && (i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress))
            .OrderByDescending(i => i.Level).ThenBy(i => i.Id).Take(3).ToListAsync();

        // Last week's tasking meeting: held, recorded and approved.
        var tasking = new Meeting(MeetingType.Tasking, Meeting.DefaultTitle(MeetingType.Tasking, south.Name), south.Id, null, null, At(-6, 10),
            "Walsall Council House, Committee Room 2", null, "Monthly multi-agency tasking: Level 2 issues and task groups.", isConfidential: true,
            manager.Id, alreadyHappened: true, manager.Id, now.AddDays(-20));
        foreach (var person in new[] { manager, supportOfficer, police, housing })
        {
            tasking.Invite(new Invitee(person.Id, person.DisplayName, IsCouncillor: false), confirmedCouncillor: false, manager.Id, now.AddDays(-20));
        }

        tasking.InviteGuest("Ruth Adeyemi", "St Matthew's Residents' Association", "ruth.adeyemi@example.org", agreementOnRecord: true, manager.Id, now.AddDays(-20));
        var asbItem = tasking.AddAgendaItem($"Issue {williamsIssue.Reference}", williamsIssue.Id, null, manager.Id, now.AddDays(-20));
        var youthItem = tasking.AddAgendaItem("Pleck youth employment: progress", null, youth.Id, manager.Id, now.AddDays(-20));
        tasking.AddAgendaItem("Any other business", null, null, manager.Id, now.AddDays(-20));
        db.Meetings.Add(tasking);
        await db.SaveChangesAsync();

        foreach (var attendee in tasking.Attendees)
        {
            attendee.Response = attendee.UserId == housing.Id ? InviteResponse.Declined : InviteResponse.Accepted;
        }

        var names = tasking.Attendees.ToDictionary(a => a.Id, a => a.GuestName ?? new[] { manager, supportOfficer, police, housing }.Single(p => p.Id == a.UserId).DisplayName);
        tasking.RecordAttendance(tasking.Attendees.ToDictionary(a => a.Id, a => a.UserId == housing.Id ? Attendance.Apologies : Attendance.Attended), names,
            canAmendApproved: false, amendReason: null, supportOfficer.Id, tasking.EndsAt);
        tasking.RecordMinutes("Quorate. Ruth Adeyemi joined for the Williams Street item only.", new Dictionary<int, string?>
        {
            [asbItem.Id] = "Police reported two dispersal orders since the last meeting; residents report less dealing in the alley but noise continues late at night.",
            [youthItem.Id] = "Walsall Works has twelve young people on the pre-employment course; four interviews booked.",
        }, canAmendApproved: false, amendReason: null, supportOfficer.Id, tasking.EndsAt);
        db.Decisions.Add(tasking.RecordDecision(asbItem.Id, "Keep Williams Street at Level 2 and review at the next tasking meeting.", false, null, supportOfficer.Id, tasking.EndsAt));

        var cameras = new PlanAction("Ask the CCTV team for a redeployable camera on the Williams Street alley", police.Id, today.AddDays(8), williams.Id, tasking.Id, williamsIssue.Id);
        var letters = new PlanAction("Write to the landlords of the six tenancies backing onto the alley", housing.Id, today.AddDays(-1), null, tasking.Id, null);
        db.PlanActions.AddRange(cameras, letters);
        var agreed = $"Agreed at {tasking.Describe()}";
        williams.Record(supportOfficer.Id, tasking.EndsAt, $"{agreed}: action ‘{cameras.Description}’ for {police.DisplayName}");
        williamsIssue.RecordActionProgress($"{agreed}: action ‘{cameras.Description}’ for {police.DisplayName}", null, supportOfficer.Id, tasking.EndsAt);
        tasking.RecordActionArising(cameras.Description, police.DisplayName, false, null, supportOfficer.Id, tasking.EndsAt);
        tasking.RecordActionArising(letters.Description, housing.DisplayName, false, null, supportOfficer.Id, tasking.EndsAt);
        williamsIssue.RecordMeetingUpdate(tasking.Describe(), "Stays at Level 2; the task group continues and reports back next month.", tasking.IsConfidential, supportOfficer.Id, tasking.EndsAt);
        tasking.RecordIssueUpdate(williamsIssue.Reference, false, null, supportOfficer.Id, tasking.EndsAt);
        tasking.ApproveMinutes(manager.Id, now.AddDays(-3));
        await db.SaveChangesAsync();

        // St Matthew's community meeting three weeks ago: open to the public, led by the ward councillor.
        var community = new Meeting(MeetingType.Community, "St Matthew's community meeting", south.Id, stMatthews.Id, null, At(-21, 18, 30, 120),
            "Caldmore Village Festival Hall", null, "Residents' priorities for the ward.", isConfidential: false, councillor.Id, alreadyHappened: true, manager.Id, now.AddDays(-35));
        community.Invite(new Invitee(councillor.Id, councillor.DisplayName, IsCouncillor: true), confirmedCouncillor: false, manager.Id, now.AddDays(-35));
        community.Invite(new Invitee(manager.Id, manager.DisplayName, IsCouncillor: false), confirmedCouncillor: false, manager.Id, now.AddDays(-35));
        var streetItem = community.AddAgendaItem($"Issue {stMatthewsIssue.Reference}", stMatthewsIssue.Id, null, manager.Id, now.AddDays(-35));
        community.AddAgendaItem("Residents' questions", null, null, manager.Id, now.AddDays(-35));
        db.Meetings.Add(community);
        await db.SaveChangesAsync();
        foreach (var attendee in community.Attendees)
        {
            attendee.Response = InviteResponse.Accepted;
        }

        community.RecordAttendance(community.Attendees.ToDictionary(a => a.Id, _ => Attendance.Attended),
            community.Attendees.ToDictionary(a => a.Id, a => a.UserId == councillor.Id ? councillor.DisplayName : manager.DisplayName),
            canAmendApproved: false, amendReason: null, supportOfficer.Id, community.EndsAt);
        community.RecordMinutes("About forty residents attended.", new Dictionary<int, string?>
        {
            [streetItem.Id] = "Residents asked for an update; the area manager explained the partnership's plan.",
        }, false, null, supportOfficer.Id, community.EndsAt);
        community.ApproveMinutes(councillor.Id, now.AddDays(-14));
        await db.SaveChangesAsync();

        // Coming up: the partnership meeting, the Williams Street task group, a cancelled community meeting, the Operations Group.
        var partnership = new Meeting(MeetingType.Partnership, Meeting.DefaultTitle(MeetingType.Partnership, south.Name), south.Id, null, null, At(9, 14),
            "Walsall Council House, Committee Room 1", null, "Quarterly partnership meeting: the area plan's priorities and the quick-win fund.", isConfidential: true,
            manager.Id, alreadyHappened: false, manager.Id, now.AddDays(-2));
        foreach (var person in new[] { manager, supportOfficer, police, housing, fire })
        {
            partnership.Invite(new Invitee(person.Id, person.DisplayName, IsCouncillor: false), confirmedCouncillor: false, manager.Id, now.AddDays(-2));
        }

        partnership.AddAgendaItem("Area plan priorities: progress", null, null, manager.Id, now.AddDays(-2));
        partnership.AddAgendaItem("Williams Street task group", null, williams.Id, manager.Id, now.AddDays(-2));

        var groupMeeting = new Meeting(MeetingType.TaskGroup, "Williams Street task group meeting", south.Id, null, williams.Id, At(4, 11, 0, 60),
            null, "https://meet.example.org/williams-street", "Progress on the micro plan.", isConfidential: true, police.Id, alreadyHappened: false, manager.Id, now.AddDays(-1));
        foreach (var person in new[] { police, housing, fire, manager })
        {
            groupMeeting.Invite(new Invitee(person.Id, person.DisplayName, IsCouncillor: false), confirmedCouncillor: false, manager.Id, now.AddDays(-1));
        }

        groupMeeting.AddAgendaItem("Review of actions", null, williams.Id, manager.Id, now.AddDays(-1));

        var cancelled = new Meeting(MeetingType.Community, "Palfrey community meeting", south.Id, (await db.Wards.SingleAsync(w => w.Name == "Palfrey")).Id, null, At(12, 18, 30, 120),
            "Palfrey Community Centre", null, null, isConfidential: false, null, alreadyHappened: false, manager.Id, now.AddDays(-10));
        cancelled.Cancel("The hall is closed for repairs; the meeting will be rearranged in the new year.", manager.Id, now.AddDays(-1));

        var operations = new Meeting(MeetingType.OperationsGroup, Meeting.DefaultTitle(MeetingType.OperationsGroup, null), null, null, null, At(14, 9, 30, 120),
            "Walsall Council House, Mayor's Parlour", null, "The borough's Level 3 and 4 issues.", isConfidential: true, partnershipManager.Id, alreadyHappened: false,
            partnershipManager.Id, now.AddDays(-5));
        foreach (var person in new[] { partnershipManager, manager, police })
        {
            operations.Invite(new Invitee(person.Id, person.DisplayName, IsCouncillor: false), confirmedCouncillor: false, partnershipManager.Id, now.AddDays(-5));
        }

        foreach (var issue in boroughIssues)
        {
            operations.AddAgendaItem($"Issue {issue.Reference}", issue.Id, null, partnershipManager.Id, now.AddDays(-5));
        }

        db.Meetings.AddRange(partnership, groupMeeting, cancelled, operations);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// South Walsall's area plan for this financial year (the priorities the brief names), a police-led task
    /// group on Williams Street working the issue of that name, with a micro plan (one action overdue), and an
    /// area-manager-led group on worklessness.
    /// </summary>
    private static async Task SeedPlansAndTaskGroupsAsync(AppDbContext db, Area south, Dictionary<string, Organisation> organisations,
        ApplicationUser manager, ApplicationUser police, ApplicationUser housing, ApplicationUser fire, ApplicationUser supportOfficer, DateTime now)
    {
        var today = UkTime.DateOf(now);
        var plan = new AreaPlan(south.Id, FinancialYear.Containing(today).StartYear);
        plan.SetSummary("Safer streets around Caldmore and Pleck, work for young people, and money that stays in residents' pockets.");
        db.AreaPlans.Add(plan);
        await db.SaveChangesAsync();
        var asb = plan.AddPriority("ASB around Williams Street", "Dealing, noise and intimidation around Williams Street and the alley behind it.", organisations["West Midlands Police"].Id);
        var work = plan.AddPriority("Worklessness among 16–24s", "Young people out of work, education or training in Pleck and Palfrey.", organisations["Walsall Works"].Id);
        plan.AddPriority("Doorstep lending", "High-cost lenders working door to door; residents need affordable credit and debt advice.", organisations["Money Advice Walsall"].Id);
        await db.SaveChangesAsync();

        var williams = new TaskGroup(south.Id, "Williams Street task group", asb.Id,
            new Lead(police.Id, police.DisplayName, organisations["West Midlands Police"].Id, "West Midlands Police", IsPartner: true),
            today.AddDays(21), manager.Id, now.AddDays(-30));
        williams.AddMember(housing.Id, housing.DisplayName, manager.Id, now.AddDays(-30));
        williams.AddMember(fire.Id, fire.DisplayName, manager.Id, now.AddDays(-30));
        williams.AddMember(manager.Id, manager.DisplayName, manager.Id, now.AddDays(-30));
        var youth = new TaskGroup(south.Id, "Pleck youth employment", work.Id,
            new Lead(manager.Id, manager.DisplayName, organisations["Walsall Works"].Id, "Walsall Works", IsPartner: false),
            today.AddDays(-3), manager.Id, now.AddDays(-60));
        youth.AddMember(supportOfficer.Id, supportOfficer.DisplayName, manager.Id, now.AddDays(-60));
        db.TaskGroups.AddRange(williams, youth);
        await db.SaveChangesAsync();

        var issue = await db.Issues.Include(i => i.TaskGroup).SingleAsync(i => i.Title == "ASB around Williams Street");
        TaskGroupStore.Link(issue, williams, manager.Id, now.AddDays(-29));

        var patrols = new PlanAction("Targeted patrols on Williams Street, Thursday to Saturday evenings", police.Id, today.AddDays(10), williams.Id, null, issue.Id);
        var visits = new PlanAction("Visit the six tenancies backing onto the alley with the housing officer", housing.Id, today.AddDays(-4), williams.Id, null, issue.Id);
        var fireChecks = new PlanAction("Fire safety checks on the empty shop and the alley's bins", fire.Id, today.AddDays(-12), williams.Id, null, null);
        db.PlanActions.AddRange(patrols, visits, fireChecks);
        await db.SaveChangesAsync();

        var update = patrols.PostUpdate("Patrols running since last week; two dispersal orders issued.", PlanActionStatus.InProgress, null, today.AddDays(-5), police.Id, now.AddDays(-5));
        williams.Record(police.Id, now.AddDays(-5), patrols.Describe(update), update.Text, patrols.Id);
        issue.RecordActionProgress(patrols.Describe(update), update.Text, police.Id, now.AddDays(-5));
        var done = fireChecks.PostUpdate("Bins moved away from the shop front; checks done.", PlanActionStatus.Done, null, today.AddDays(-10), fire.Id, now.AddDays(-10));
        williams.Record(fire.Id, now.AddDays(-10), fireChecks.Describe(done), done.Text, fireChecks.Id);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private sealed record DemoIssue(
        string Title,
        string Description,
        string Ward,
        string Category,
        IssueSource Source,
        int DaysAgo,
        IssueStatus Status = IssueStatus.New,
        IssueLevel? Level = null,
        string? Lead = null,
        IssueLevel? SteppedUpFrom = null,
        bool Confidential = false,
        string? Address = null,
        string? Postcode = null,
        string? Rationale = null,
        string? Note = null,
        string? Outcome = null);

    private static readonly DemoIssue[] DemoIssues =
    [
        // New, waiting for triage.
        new("Mattresses dumped behind the shops on Caldmore Green", "Three mattresses and a sofa dumped in the service alley behind the shops. Residents say it happens every weekend.",
            "St Matthew's", "fly-tipping", IssueSource.Councillor, 1, Address: "Caldmore Green", Postcode: "WS1 3RH"),
        new("Broken street light on Sandwell Street", "Street light outside number 40 has been out for two weeks; residents feel unsafe walking home.",
            "St Matthew's", "street-lighting", IssueSource.Councillor, 2, Address: "Sandwell Street", Postcode: "WS1 3DR"),
        new("Young people gathering at the Arboretum gates after dark", "Groups of 10–15 young people gathering at the gates most evenings; some intimidation of dog walkers reported.",
            "St Matthew's", "asb", IssueSource.CommunityMeeting, 3, Address: "Lichfield Street", Postcode: "WS1 1TJ"),
        new("Doorstep lender calling on older residents", "Several older residents on one estate report the same doorstep lender calling weekly and offering top-up loans.",
            "Pleck", "doorstep-lending", IssueSource.Partner, 4, Confidential: true),
        new("Overgrown footpath between Paddock Lane and Highgate Road", "The footpath is overgrown and parents with pushchairs are walking in the road.",
            "Paddock", "parks", IssueSource.Resident, 2, Address: "Paddock Lane", Postcode: "WS1 3HH"),
        new("Graffiti on the railway bridge, Pleck Road", "Offensive graffiti on the bridge parapet, visible from the road.",
            "Pleck", "graffiti", IssueSource.Councillor, 5, Address: "Pleck Road", Postcode: "WS2 9ES"),
        new("Cars parked on the pavement outside Palfrey school", "Parents parking across the pavement at drop-off; a child was nearly hit last week.",
            "Palfrey", "road-safety", IssueSource.CommunityMeeting, 6, Address: "Dale Street", Postcode: "WS1 4AN"),
        new("Empty house on Bloxwich Road attracting vandalism", "Boarded-up house has had its boards pulled off; signs of people inside at night.",
            "Birchills Leamore", "empty-properties", IssueSource.Resident, 3, Address: "Bloxwich Road", Postcode: "WS2 7BD"),
        new("Noise from late-night car meets in the industrial estate", "Car meets on Friday and Saturday nights until 3am; residents of the flats opposite cannot sleep.",
            "Darlaston South", "noise-nuisance", IssueSource.Councillor, 7),
        new("Food bank running short before Christmas", "The church food bank reports demand up by half and shelves empty by Thursday.",
            "Blakenall", "poverty", IssueSource.Partner, 8),

        // Level 1: referred to a front-line service.
        new("Overflowing bins on Wednesbury Road", "Litter bins overflowing at the bus stops; rubbish blowing into gardens.",
            "Pleck", "street-cleansing", IssueSource.Councillor, 9, IssueStatus.Triaged, IssueLevel.FrontLine, "Street Cleansing",
            Rationale: "A simple job for Street Cleansing; no partnership work needed."),
        new("Pothole at the junction of Sutton Road and Mellish Road", "Deep pothole that has already damaged two cars.",
            "Paddock", "highways", IssueSource.Councillor, 12, IssueStatus.Triaged, IssueLevel.FrontLine, "Highways",
            Rationale: "Highways repair: refer and follow up."),
        new("Smell of burning from a back garden every evening", "A neighbour burns rubbish most evenings; smoke is entering houses on both sides.",
            "Palfrey", "noise-nuisance", IssueSource.Resident, 15, IssueStatus.InProgress, IssueLevel.FrontLine, "Environmental Health",
            Rationale: "Statutory nuisance: Environmental Health to investigate."),
        new("Fly-tipping on the canal towpath near Town Wharf", "Builders' rubble dumped on the towpath; the canal trust has been told.",
            "St Matthew's", "fly-tipping", IssueSource.Officer, 20, IssueStatus.Resolved, IssueLevel.FrontLine, "Street Cleansing",
            Rationale: "Clearance by Street Cleansing.", Outcome: "Cleared within three days; camera deployed for a month."),
        new("Smoke alarm concerns for an elderly tenant", "Housing officer worried that an elderly tenant has no working smoke alarm and smokes in bed.",
            "Bloxwich East", "fire-risk", IssueSource.Partner, 25, IssueStatus.Closed, IssueLevel.FrontLine, "West Midlands Fire Service",
            Rationale: "Safe and well visit by the fire service.", Outcome: "Safe and well visit done; alarms fitted and fire-retardant bedding provided."),
        new("Abandoned trolleys in the brook at Willenhall Memorial Park", "Six shopping trolleys in the brook, catching debris.",
            "Willenhall South", "parks", IssueSource.Councillor, 11, IssueStatus.Triaged, IssueLevel.FrontLine, "Street Cleansing",
            Rationale: "Street Cleansing to remove; store to be asked to collect."),
        new("Damp and mould in a housing association flat", "Family with a young child living with black mould in two rooms; repairs reported but not done.",
            "Bentley and Darlaston North", "housing-conditions", IssueSource.Councillor, 14, IssueStatus.InProgress, IssueLevel.FrontLine, "Walsall Housing Group",
            Rationale: "Landlord repair: refer to the housing group and follow up."),

        // Level 2: partnership working, an owner, often a partner lead.
        new("ASB around Williams Street", "Repeated reports of drug dealing, noise and intimidation around Williams Street and the alley behind it.",
            "St Matthew's", "asb", IssueSource.Councillor, 40, IssueStatus.InProgress, IssueLevel.Partnership, "West Midlands Police",
            Rationale: "Several agencies involved and repeat demand: task group led by the police.",
            Note: "Joint patrols agreed with the ASB team; CCTV request submitted."),
        new("Street drinking in the town centre", "Street drinkers gathering on Park Street benches from late morning; shop staff report abuse.",
            "St Matthew's", "crime-drugs", IssueSource.Partner, 55, IssueStatus.InProgress, IssueLevel.Partnership, "West Midlands Police",
            Rationale: "Needs police, outreach and the business improvement district together."),
        new("Worklessness among 16–24s in Pleck", "Youth unemployment in Pleck is twice the borough rate; young people not engaging with the Jobcentre.",
            "Pleck", "worklessness", IssueSource.Officer, 70, IssueStatus.InProgress, IssueLevel.Partnership, "Walsall Works",
            Rationale: "Partnership problem-solving: Walsall Works to lead a task group."),
        new("Repeat fly-tipping hot spot on Forrester Street", "Weekly fly-tipping despite clearances; the same alley each time.",
            "Birchills Leamore", "fly-tipping", IssueSource.Councillor, 60, IssueStatus.InProgress, IssueLevel.Partnership,
            SteppedUpFrom: IssueLevel.FrontLine, Rationale: "Clearance job for Street Cleansing."),
        new("Nuisance motorbikes on the Goscote estate", "Off-road motorbikes on the estate and the old railway line most evenings.",
            "Blakenall", "asb", IssueSource.CommunityMeeting, 35, IssueStatus.Triaged, IssueLevel.Partnership, "West Midlands Police",
            Rationale: "Police-led, with the housing group on tenancy enforcement."),
        new("Family known to several agencies, no lead professional", "A family is known to housing, school, police and health; each works separately and nothing changes. Needs a lead professional and a whole-family plan.",
            "Palfrey", "early-help", IssueSource.Partner, 30, IssueStatus.InProgress, IssueLevel.Partnership, "Children's Early Help", Confidential: true,
            Rationale: "Early help with a named lead professional.", Note: "Lead professional agreed at the tasking meeting; consent to share recorded."),
        new("Tenants with rent arrears after Universal Credit move", "Housing group reports a cluster of tenants falling into arrears after moving to Universal Credit.",
            "Bloxwich West", "debt", IssueSource.Partner, 45, IssueStatus.InProgress, IssueLevel.Partnership, "Walsall Housing Group",
            Rationale: "Money advice outreach with the housing group."),
        new("Speeding on Lichfield Road, Rushall", "Residents report speeding at school times; a community speed watch group wants to start.",
            "Rushall-Shelfield", "road-safety", IssueSource.Councillor, 28, IssueStatus.Triaged, IssueLevel.Partnership, "West Midlands Police",
            Rationale: "Community speed watch with police support."),
        new("Isolated older residents in Streetly", "Befriending scheme closed; several older residents have no regular visitors.",
            "Streetly", "health", IssueSource.CommunityMeeting, 50, IssueStatus.Resolved, IssueLevel.Partnership, "NHS Walsall",
            Rationale: "Social prescribing with NHS Walsall.", Outcome: "Social prescribers now visit; a new lunch club meets weekly at the library."),
        new("Youth shelter vandalised in Brownhills", "The youth shelter in the park has been burnt out; young people have nowhere to go.",
            "Brownhills", "youth", IssueSource.Councillor, 80, IssueStatus.Closed, IssueLevel.Partnership,
            Rationale: "Youth service and parks to agree a replacement.", Outcome: "Replaced with a youth-designed shelter; detached youth work twice a week."),
        new("Drug litter in the alley off Bath Street", "Needles found twice in the alley used by children walking to school.",
            "St Matthew's", "crime-drugs", IssueSource.Resident, 18, IssueStatus.InProgress, IssueLevel.Partnership,
            SteppedUpFrom: IssueLevel.FrontLine, Rationale: "Sharps removal by Street Cleansing."),

        // Level 3: multi-agency intervention, a lead organisation.
        new("Cuckooing of vulnerable tenants in Caldmore", "Evidence that drug dealers are taking over the flats of vulnerable tenants.",
            "St Matthew's", "crime-drugs", IssueSource.Partner, 65, IssueStatus.InProgress, IssueLevel.MultiAgency, "West Midlands Police", Confidential: true,
            Rationale: "Safeguarding and organised crime: police-led multi-agency response.", Note: "Closure orders being prepared for two addresses."),
        new("Hoarding and fire risk in a Darlaston flat", "A tenant's hoarding is a serious fire risk to the block; tenant refuses help.",
            "Darlaston South", "fire-risk", IssueSource.Partner, 42, IssueStatus.InProgress, IssueLevel.MultiAgency, "West Midlands Fire Service", Confidential: true,
            Rationale: "Fire, housing, adult social care and mental health together."),
        new("Rising rough sleeping in the town centre", "Outreach counts have doubled since the spring.",
            "St Matthew's", "housing-conditions", IssueSource.Officer, 90, IssueStatus.InProgress, IssueLevel.MultiAgency, "Walsall Housing Group",
            SteppedUpFrom: IssueLevel.Partnership, Rationale: "Task group with outreach and the housing group."),
        new("Illegal money lending network", "Trading standards intelligence links several doorstep lenders to one network.",
            "Willenhall North", "doorstep-lending", IssueSource.Partner, 100, IssueStatus.Resolved, IssueLevel.MultiAgency, "Money Advice Walsall",
            Rationale: "Illegal money lending team and money advice.", Outcome: "Two arrests; victims referred to money advice and a credit union."),

        // Level 4: borough-level systems change.
        new("Borough-wide rise in food insecurity", "Food bank demand up across every area; the causes are borough-wide (benefit changes, energy costs).",
            "Blakenall", "poverty", IssueSource.Officer, 75, IssueStatus.InProgress, IssueLevel.Borough,
            SteppedUpFrom: IssueLevel.MultiAgency, Rationale: "Anti-poverty work in Blakenall with the food bank."),
        new("Early help thresholds not shared between agencies", "Agencies use different thresholds for early help, so families fall between services.",
            "Palfrey", "early-help", IssueSource.Officer, 120, IssueStatus.Triaged, IssueLevel.Borough,
            Rationale: "Needs a borough-wide agreement through the Borough Management Team."),

        // The sources' own case (Walsall's review: Family 1's late path cost £26,197; Family 2's early help £347; a
        // one-in-ten chance of care at around £259,000): a St Matthew's family helped early, with its estimate.
        new("Family in Caldmore helped early by a lead professional", "A family with rent arrears, school absence and police call-outs; early help offered before the problems reach a threshold.",
            "St Matthew's", "early-help", IssueSource.Partner, 150, IssueStatus.InProgress, IssueLevel.Partnership, "Children's Early Help", Confidential: true,
            Rationale: "Early help with a named lead professional and a whole-family plan.", Note: "Family 2 in the review's comparison: early help so far has cost £347."),

        // Withdrawn.
        new("Bins not collected on Tuesday", "Bins in the street missed on collection day.",
            "Paddock", "street-cleansing", IssueSource.Resident, 10, IssueStatus.Withdrawn,
            Note: "A missed collection: the resident was given the bin collection number instead."),
    ];
}
