using System.Diagnostics;
using System.Globalization;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace AreaPartnerships.Web.Infrastructure.Cli;

/// <summary>
/// One run of the generator: writes the people and places, the task groups, then streams the issues and their
/// timelines straight into SQLite through prepared, reused commands, committing every ~50,000 rows. Nothing is
/// held per issue beyond the one being written, so memory stays flat whatever the size.
/// <para>
/// Values are written as EF Core writes them in SQLite, so the app reads the rows as its own: times as
/// <c>yyyy-MM-dd HH:mm:ss</c> text (UTC, whole seconds), dates as <c>yyyy-MM-dd</c>, Guids as upper-case text,
/// enums as integers, booleans as 0/1. Timeline text follows the wording of the entity methods (Issue.Triage,
/// StepUp, Resolve…), so a generated timeline reads like one the app wrote.
/// </para>
/// <para>
/// Determinism: every choice, id, date and Guid comes from one <see cref="Random"/> seeded with the seed, in a
/// fixed order, and times are measured back from the as-of date, never from the clock.
/// </para>
/// </summary>
public sealed class GeneratorRun
{
    private const int AreaCount = 40;
    private const int WardsPerArea = 6;
    private const int CouncillorsPerWard = 2;
    private const int PartnersPerOrganisation = 3;
    private const int TaskGroupsPerArea = 3;
    private const int RowsPerTransaction = 50_000;
    private const int ProgressEvery = 100_000;

    private readonly SqliteConnection _connection;
    private readonly GenerateCommand.Options _options;
    private readonly TextWriter _output;
    private readonly Random _random;

    /// <summary>Costs and estimates draw from their own stream, so adding them left every other generated row as it was.</summary>
    private readonly Random _costRandom;
    private readonly DateTime _end;
    private readonly DateTime _start;
    private readonly DateOnly _asOf;

    private readonly Dictionary<string, int> _roleIds = [];
    private readonly List<(int Id, string Code, IssueTheme Theme)> _categories = [];
    private readonly Dictionary<IssueLevel, int> _targetDays = [];
    private readonly SortedDictionary<int, int> _lastReference = [];

    private readonly List<AreaRow> _areas = [];
    private readonly List<WardRow> _wards = [];
    private readonly List<OrganisationRow> _organisations = [];
    private readonly List<Person> _people = [];
    private readonly List<TaskGroupRow> _taskGroups = [];
    private readonly List<Ev> _events = new(64);
    private readonly (int Id, string Reference)[] _recent = new (int, string)[64];

    private Person _administrator = null!;
    private Person _partnershipManager = null!;
    private OrganisationRow _areaTeam = null!;
    private string _passwordHash = null!;

    private SqliteTransaction _transaction = null!;
    private int _rowsInTransaction;
    private int _nextUserId;
    private int _nextIssueId;
    private long _nextEventId;
    private long _nextTaskGroupEventId;
    private int _issuesWritten;
    private long _eventsWritten;
    private int _sequence;

    private Inserter _issueInsert = null!;
    private Inserter _costInsert = null!;
    private Inserter _estimateInsert = null!;
    private Inserter _lineInsert = null!;
    private long _nextCostId;
    private int _nextEstimateId;
    private long _nextLineId;
    private readonly List<(int Id, string Name, string Unit, decimal Cost, OrganisationKind Agency)> _unitCosts = [];
    private Inserter _eventInsert = null!;
    private Inserter _taskGroupEventInsert = null!;

    public GeneratorRun(SqliteConnection connection, GenerateCommand.Options options, TextWriter output)
    {
        _connection = connection;
        _options = options;
        _output = output;
        _random = new Random(options.Seed);
        _costRandom = new Random(options.Seed + 12);
        _asOf = options.AsOf;

        // Everything happens before midnight (UTC) at the start of the as-of date, over the ten years before it.
        _end = options.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _start = _end.AddYears(-10);
    }

    /// <summary>The highest reference number used in each year (set on the counters by <see cref="GenerateCommand.FinishAsync"/>).</summary>
    public IReadOnlyDictionary<int, int> LastReferenceNumbers => _lastReference;

    public GenerateCommand.Result Summary(TimeSpan elapsed) =>
        new(_areas.Count, _wards.Count, _organisations.Count, _people.Count, _issuesWritten, _eventsWritten, _taskGroups.Count, elapsed);

    /// <summary>Writes everything except the finishing touches (counters, statistics), which the caller adds.</summary>
    public void Load()
    {
        ReadReferenceData();
        _transaction = _connection.BeginTransaction();
        WritePlacesAndOrganisations();
        WritePeople();
        WriteTaskGroups();
        WriteMeetings();
        WriteQuickWins();
        WriteUnitCosts();
        WriteIssues();
        _transaction.Commit();
        _transaction.Dispose();
    }

    private void ReadReferenceData()
    {
        foreach (var (name, id) in Query("""SELECT "Name", "Id" FROM "AspNetRoles" """, r => (r.GetString(0), r.GetInt32(1))))
        {
            _roleIds[name] = id;
        }

        _categories.AddRange(Query("""SELECT "Id", "Code", "Theme" FROM "Categories" WHERE "IsActive" = 1 ORDER BY "Id" """,
            r => (r.GetInt32(0), r.GetString(1), (IssueTheme)r.GetInt32(2))));
        foreach (var (level, days) in Query("""SELECT "Level", "TargetDays" FROM "LevelTargets" """, r => ((IssueLevel)r.GetInt32(0), r.GetInt32(1))))
        {
            _targetDays[level] = days;
        }

        foreach (var (year, last) in Query("""SELECT "Year", "LastNumber" FROM "ReferenceCounters" """, r => (r.GetInt32(0), r.GetInt32(1))))
        {
            _lastReference[year] = last;
        }

        _nextUserId = MaxId("AspNetUsers") + 1;
        _nextIssueId = MaxId("Issues") + 1;
        _nextEventId = MaxId("IssueEvents") + 1;
        _nextTaskGroupEventId = MaxId("TaskGroupEvents") + 1;
    }

    private void WritePlacesAndOrganisations()
    {
        var areaInsert = new Inserter(_connection, "Areas", "Id", "Name", "IsActive", "Version");
        var wardInsert = new Inserter(_connection, "Wards", "Id", "Name", "AreaId", "Population", "DeprivationRank", "IsActive", "Version");
        var organisationInsert = new Inserter(_connection, "Organisations", "Id", "Name", "Kind", "IsFrontLineService", "FrontLineContact", "IsActive", "Version");

        var stems = Shuffled(GeneratedText.PlaceStems);
        var nextAreaId = MaxId("Areas") + 1;
        var nextWardId = MaxId("Wards") + 1;
        var deprivation = Shuffled(Enumerable.Range(1, AreaCount * WardsPerArea).ToArray());
        for (var a = 0; a < AreaCount; a++)
        {
            var area = new AreaRow(nextAreaId++, $"{Pick(GeneratedText.AreaPrefixes)} {stems[a]}", a);
            _areas.Add(area);
            areaInsert.Row(_transaction, area.Id, area.Name, 1, NewVersion());
            var suffixes = Shuffled(GeneratedText.WardSuffixes);
            for (var w = 0; w < WardsPerArea; w++)
            {
                var ward = new WardRow(nextWardId++, $"{stems[a]} {suffixes[w]}", area);
                _wards.Add(ward);
                area.Wards.Add(ward);
                wardInsert.Row(_transaction, ward.Id, ward.Name, area.Id, _random.Next(5_000, 16_000), deprivation[_wards.Count - 1], 1, NewVersion());
            }
        }

        var nextOrganisationId = MaxId("Organisations") + 1;
        foreach (var (name, kind, contact) in GeneratedText.Organisations)
        {
            var organisation = new OrganisationRow(nextOrganisationId++, name, kind, contact is not null);
            _organisations.Add(organisation);
            organisationInsert.Row(_transaction, organisation.Id, name, (int)kind, contact is null ? 0 : 1, contact, 1, NewVersion());
        }

        _areaTeam = _organisations.Single(o => o.Name.EndsWith("Area Partnerships", StringComparison.Ordinal));
    }

    private void WritePeople()
    {
        var userInsert = new Inserter(_connection, "AspNetUsers",
            "Id", "DisplayName", "JobTitle", "OrganisationId", "IsDisabled", "CreatedAt", "UserName", "NormalizedUserName", "Email",
            "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed",
            "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount");
        var roleInsert = new Inserter(_connection, "AspNetUserRoles", "UserId", "RoleId");
        var areaInsert = new Inserter(_connection, "UserAreas", "UserId", "AreaId");
        var wardInsert = new Inserter(_connection, "UserWards", "UserId", "WardId");
        var agreementInsert = new Inserter(_connection, "ConfidentialityAgreements", "Id", "UserId", "SignedOn", "WordingVersion", "RecordedById", "RecordedAt");

        // One hash for everyone (salted, so it differs between runs: the one value that is not deterministic).
        _passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser($"hash@{GeneratedText.Domain}", "Hash"), GenerateCommand.Password);
        var createdAt = _start.AddDays(-30);

        Person Add(string localPart, string role, string jobTitle, OrganisationRow? organisation)
        {
            var email = $"{localPart}@{GeneratedText.Domain}";
            var person = new Person(_nextUserId++, $"{Pick(GeneratedText.FirstNames)} {Pick(GeneratedText.LastNames)}", role, organisation);
            _people.Add(person);
            userInsert.Row(_transaction,
                person.Id, person.Name, jobTitle, organisation?.Id, 0, Time(createdAt), email, email.ToUpperInvariant(), email,
                email.ToUpperInvariant(), 1, _passwordHash, SecurityStamp(), NextGuid().ToString("D"), null, 0,
                0, null, 1, 0);
            roleInsert.Row(_transaction, person.Id, _roleIds[role]);
            return person;
        }

        _administrator = Add("admin", Roles.Administrator, "System administrator", null);
        _partnershipManager = Add("partnership.manager", Roles.PartnershipManager, "Partnership manager", null);
        for (var a = 0; a < _areas.Count; a++)
        {
            var area = _areas[a];
            area.Manager = Add($"area.manager.{a + 1}", Roles.AreaManager, "Area manager", null);
            areaInsert.Row(_transaction, area.Manager.Id, area.Id);
        }

        for (var a = 0; a < _areas.Count; a++)
        {
            var area = _areas[a];
            area.SupportOfficer = Add($"support.officer.{a + 1}", Roles.SupportOfficer, "Area support officer", null);
            areaInsert.Row(_transaction, area.SupportOfficer.Id, area.Id);
        }

        var councillor = 0;
        foreach (var ward in _wards)
        {
            for (var c = 0; c < CouncillorsPerWard; c++)
            {
                var person = Add($"councillor.{++councillor}", Roles.Councillor, "Ward councillor", null);
                ward.Councillors.Add(person);
                wardInsert.Row(_transaction, person.Id, ward.Id);
            }
        }

        var partner = 0;
        var nextAgreementId = MaxId("ConfidentialityAgreements") + 1;
        foreach (var organisation in _organisations)
        {
            for (var p = 0; p < PartnersPerOrganisation; p++)
            {
                var person = Add($"partner.{++partner}", Roles.PartnerUser, Pick<string>(["Partnership officer", "Neighbourhood officer", "Team leader", "Service manager"]), organisation);
                organisation.Partners.Add(person);

                // Half sign the confidentiality agreement: partner.1, .3, .5… (so partner.1, a well-known account, has one).
                if (partner % 2 == 1)
                {
                    var signedAt = _end.AddDays(-_random.Next(30, 900)).AddHours(10);
                    agreementInsert.Row(_transaction, nextAgreementId++, person.Id, Date(UkTime.DateOf(signedAt)), "2024-1", _partnershipManager.Id, Time(signedAt));
                }
            }
        }
    }

    private void WriteTaskGroups()
    {
        var groupInsert = new Inserter(_connection, "TaskGroups",
            "Id", "AreaId", "Name", "PriorityId", "LeadOrganisationId", "LeadUserId", "LedByPartner", "ReviewOn", "Status", "ClosingSummary", "CreatedAt", "ClosedAt", "Version");
        var memberInsert = new Inserter(_connection, "TaskGroupMembers", "TaskGroupId", "UserId", "JoinedAt");
        var actionInsert = new Inserter(_connection, "PlanActions",
            "Id", "TaskGroupId", "MeetingId", "Description", "OwnerId", "DueOn", "Status", "StatusReason", "IssueId", "CompletedAt", "Version");
        var updateInsert = new Inserter(_connection, "PlanActionUpdates", "Id", "PlanActionId", "Text", "UpdateOn", "ById", "RecordedAt", "NewStatus", "Reason");
        _taskGroupEventInsert = new Inserter(_connection, "TaskGroupEvents", "Id", "TaskGroupId", "PlanActionId", "ActorId", "OccurredAt", "Summary", "Body");

        var nextGroupId = MaxId("TaskGroups") + 1;
        var nextActionId = MaxId("PlanActions") + 1;
        var nextUpdateId = MaxId("PlanActionUpdates") + 1L;
        foreach (var area in _areas)
        {
            var themes = Shuffled(GeneratedText.TaskGroupThemes);
            for (var g = 0; g < TaskGroupsPerArea; g++)
            {
                // Two active groups set up in the last year or so; one closed, older.
                var closed = g == TaskGroupsPerArea - 1;
                var createdAt = _end.AddDays(-(closed ? _random.Next(400, 900) : _random.Next(20, 400))).AddHours(_random.Next(9, 17));
                DateTime? closedAt = closed ? _end.AddDays(-_random.Next(60, 300)).AddHours(_random.Next(9, 17)) : null;
                var byPartner = _random.NextDouble() < 0.5;
                var leadOrganisation = byPartner ? Pick(_organisations.Where(o => o != _areaTeam).ToList()) : _areaTeam;
                var lead = byPartner ? Pick(leadOrganisation.Partners) : area.Manager;
                var group = new TaskGroupRow(nextGroupId++, area, $"{area.Name} {themes[g]}", createdAt, !closed);
                _taskGroups.Add(group);
                if (!closed)
                {
                    area.ActiveTaskGroups.Add(group);
                }

                var reviewOn = closed ? UkTime.DateOf(closedAt!.Value) : _asOf.AddDays(_random.Next(-30, 60));
                groupInsert.Row(_transaction, group.Id, area.Id, group.Name, null, leadOrganisation.Id, lead.Id, byPartner ? 1 : 0, Date(reviewOn),
                    closed ? (int)TaskGroupStatus.Closed : (int)TaskGroupStatus.Active,
                    closed ? "The group met its aims: reports fell and the remaining work went back to the services." : null,
                    Time(createdAt), closedAt is { } c ? Time(c) : null, NewVersion());

                var members = new List<Person> { lead };
                foreach (var extra in new[] { area.Manager, area.SupportOfficer, Pick(Pick(_organisations).Partners), Pick(Pick(_organisations).Partners) })
                {
                    if (!members.Contains(extra))
                    {
                        members.Add(extra);
                    }
                }

                TaskGroupEvent(group, null, area.Manager.Id, createdAt, $"Task group set up, led by {lead.Name} ({leadOrganisation.Name})", null);
                memberInsert.Row(_transaction, group.Id, lead.Id, Time(createdAt));
                for (var m = 1; m < members.Count; m++)
                {
                    var joinedAt = createdAt.AddHours(m);
                    memberInsert.Row(_transaction, group.Id, members[m].Id, Time(joinedAt));
                    TaskGroupEvent(group, null, area.Manager.Id, joinedAt, $"{members[m].Name} joined the group", null);
                }

                var actionCount = _random.Next(3, 6);
                for (var n = 0; n < actionCount; n++)
                {
                    var owner = Pick(members);
                    var description = Pick(GeneratedText.ActionDescriptions);
                    var addedAt = createdAt.AddDays(_random.Next(1, 20));
                    var dueOn = UkTime.DateOf(addedAt).AddDays(_random.Next(14, 120));
                    var status = closed
                        ? (_random.NextDouble() < 0.8 ? PlanActionStatus.Done : PlanActionStatus.Cancelled)
                        : dueOn < _asOf
                            ? PickWeighted([(PlanActionStatus.Done, 50), (PlanActionStatus.InProgress, 25), (PlanActionStatus.Blocked, 10), (PlanActionStatus.NotStarted, 15)])
                            : PickWeighted([(PlanActionStatus.NotStarted, 50), (PlanActionStatus.InProgress, 50)]);
                    var changedAt = Earliest(addedAt.AddDays(_random.Next(1, 60)), closedAt ?? _end.AddHours(-1), _end.AddHours(-1));
                    var reason = status switch
                    {
                        PlanActionStatus.Blocked => "Waiting for the landlord to give access.",
                        PlanActionStatus.Cancelled => "No longer needed: the problem stopped.",
                        _ => null,
                    };
                    var actionId = nextActionId++;
                    actionInsert.Row(_transaction, actionId, group.Id, null, description, owner.Id, Date(dueOn), (int)status, reason, null,
                        status == PlanActionStatus.Done ? Time(changedAt) : null, NewVersion());
                    TaskGroupEvent(group, actionId, area.Manager.Id, addedAt, $"Action ‘{description}’ added for {owner.Name}", $"{description}\nDue {UkTime.Format(dueOn)}");
                    if (status != PlanActionStatus.NotStarted)
                    {
                        updateInsert.Row(_transaction, nextUpdateId++, actionId, $"Marked {PlanAction.StatusName(status).ToLowerInvariant()}", Date(UkTime.DateOf(changedAt)),
                            owner.Id, Time(changedAt), (int)status, reason);
                        TaskGroupEvent(group, actionId, owner.Id, changedAt,
                            $"Action ‘{description}’ {(status == PlanActionStatus.Done ? "done" : $"now {PlanAction.StatusName(status).ToLowerInvariant()}")}", reason);
                    }
                }

                if (closedAt is { } closedTime)
                {
                    TaskGroupEvent(group, null, area.Manager.Id, closedTime, "Task group closed", "The group met its aims: reports fell and the remaining work went back to the services.");
                }
            }
        }
    }

    /// <summary>
    /// Ten years of meetings at a steady cadence per area: tasking every four weeks, partnership every twelve, a
    /// community meeting per ward every eight, a task group meeting per active group every four; and the borough's
    /// Operations Group every four weeks. Past meetings are recorded (attendance, minutes, approved); the next
    /// few weeks' are scheduled. Each invites the area's officers and a few partners (councillors for community
    /// meetings), so "My meetings" and the access rule have rows to seek through.
    /// </summary>
    private void WriteMeetings()
    {
        var meetingInsert = new Inserter(_connection, "Meetings",
            "Id", "Type", "Title", "AreaId", "WardId", "TaskGroupId", "StartsAt", "EndsAt", "Venue", "OnlineLink", "Purpose", "IsConfidential", "ChairUserId",
            "Status", "CancellationReason", "Minutes", "MinutesApprovedAt", "MinutesApprovedById", "CalendarUid", "CalendarSequence", "CreatedById", "CreatedAt", "Version");
        var attendeeInsert = new Inserter(_connection, "MeetingAttendees",
            "Id", "MeetingId", "UserId", "GuestName", "GuestOrganisation", "GuestEmail", "Response", "Attendance", "ConfidentialityAgreementSigned", "InvitedById", "InvitedAt");
        var itemInsert = new Inserter(_connection, "AgendaItems", "Id", "MeetingId", "Order", "Title", "IssueId", "TaskGroupId", "Minute");
        var eventInsert = new Inserter(_connection, "MeetingEvents", "Id", "MeetingId", "ActorId", "OccurredAt", "Summary", "Body");
        var nextMeetingId = MaxId("Meetings") + 1;
        var nextAttendeeId = MaxId("MeetingAttendees") + 1L;
        var nextItemId = MaxId("AgendaItems") + 1;
        var nextEventId = MaxId("MeetingEvents") + 1L;
        var partners = _organisations.SelectMany(o => o.Partners).ToList();

        void Write(MeetingType type, AreaRow? area, WardRow? ward, TaskGroupRow? group, DateTime startsAt, Person organiser, IReadOnlyList<Person> invitees)
        {
            var id = nextMeetingId++;
            var held = startsAt < _end;
            var confidential = Meeting.ConfidentialByDefault(type) || type == MeetingType.TaskGroup;
            var title = type switch
            {
                MeetingType.Community => $"{ward!.Name} community meeting",
                MeetingType.TaskGroup => $"{group!.Name} meeting",
                _ => Meeting.DefaultTitle(type, area?.Name),
            };
            var createdAt = startsAt.AddDays(-_random.Next(7, 30));
            var approvedAt = held && startsAt < _end.AddDays(-14) ? startsAt.AddDays(_random.Next(3, 14)) : (DateTime?)null;
            meetingInsert.Row(_transaction, id, (int)type, title, area?.Id, ward?.Id, group?.Id, Time(startsAt), Time(startsAt.AddMinutes(90)),
                "Council House, Committee Room " + _random.Next(1, 4), null, null, confidential ? 1 : 0, organiser.Id,
                (int)MeetingStatus.Scheduled, null, held ? "Quorate. Actions reviewed and carried forward." : null,
                approvedAt is { } a ? Time(a) : null, approvedAt is null ? null : organiser.Id, NewVersion(), 0, organiser.Id, Time(createdAt), NewVersion());
            eventInsert.Row(_transaction, nextEventId++, id, organiser.Id, Time(createdAt), "Meeting scheduled", null);
            foreach (var person in invitees.Distinct())
            {
                var response = held ? (_random.NextDouble() < 0.85 ? InviteResponse.Accepted : InviteResponse.Declined) : PickWeighted([(InviteResponse.NoReply, 50), (InviteResponse.Accepted, 40), (InviteResponse.Declined, 10)]);
                var attendance = !held ? Attendance.NotRecorded : response == InviteResponse.Declined ? Attendance.Apologies : Attendance.Attended;
                attendeeInsert.Row(_transaction, nextAttendeeId++, id, person.Id, null, null, null, (int)response, (int)attendance, 0, organiser.Id, Time(createdAt));
            }

            var items = group is null ? new[] { "Matters arising", "Issues stepped up since the last meeting", "Any other business" } : ["Review of the micro plan", "Any other business"];
            for (var i = 0; i < items.Length; i++)
            {
                itemInsert.Row(_transaction, nextItemId++, id, i + 1, items[i], null, i == 0 ? group?.Id : null, held ? "Discussed; see the decisions." : null);
            }

            if (held)
            {
                eventInsert.Row(_transaction, nextEventId++, id, organiser.Id, Time(startsAt.AddHours(2)), "Attendance recorded", null);
                eventInsert.Row(_transaction, nextEventId++, id, organiser.Id, Time(startsAt.AddHours(2)), "Minutes recorded", null);
            }

            if (approvedAt is { } approved)
            {
                eventInsert.Row(_transaction, nextEventId++, id, organiser.Id, Time(approved), "Minutes approved", null);
            }
        }

        var until = _end.AddDays(56);
        foreach (var area in _areas)
        {
            var officers = new List<Person> { area.Manager, area.SupportOfficer };
            var offset = area.Index % 28;
            for (var day = _start.AddDays(offset).AddHours(10); day < until; day = day.AddDays(28))
            {
                Write(MeetingType.Tasking, area, null, null, day, area.Manager, [.. officers, Pick(partners), Pick(partners), Pick(partners)]);
                if ((day - _start).Days / 28 % 3 == 0)
                {
                    Write(MeetingType.Partnership, area, null, null, day.AddDays(2).AddHours(4), area.Manager, [.. officers, Pick(partners), Pick(partners), Pick(partners), Pick(partners)]);
                }
            }

            for (var w = 0; w < area.Wards.Count; w++)
            {
                var ward = area.Wards[w];
                for (var day = _start.AddDays(offset + (w * 7)).AddHours(18); day < until; day = day.AddDays(56))
                {
                    Write(MeetingType.Community, area, ward, null, day, area.Manager, [area.Manager, .. ward.Councillors]);
                }
            }

            foreach (var group in area.ActiveTaskGroups)
            {
                for (var day = Latest(group.CreatedAt, _start).Date.AddDays(7).AddHours(14); day < until; day = day.AddDays(28))
                {
                    Write(MeetingType.TaskGroup, area, null, group, day, area.Manager, [area.Manager, Pick(partners), Pick(partners)]);
                }
            }
        }

        for (var day = _start.AddDays(3).AddHours(9); day < until; day = day.AddDays(28))
        {
            Write(MeetingType.OperationsGroup, null, null, null, day, _partnershipManager, [_partnershipManager, .. _areas.Take(6).Select(a => a.Manager), Pick(partners)]);
        }
    }

    /// <summary>
    /// Quick-win budgets for every area and each of the ten years: £10,000 allocated (its history line), and about a
    /// spend a week, never past the allocation, with the budget's running total equal to the sum of its ledger.
    /// </summary>
    private void WriteQuickWins()
    {
        var budgetInsert = new Inserter(_connection, "QuickWinBudgets", "Id", "AreaId", "FinancialYearStart", "Allocation", "Spent", "Version");
        var changeInsert = new Inserter(_connection, "AllocationChanges", "Id", "BudgetId", "From", "To", "Reason", "ById", "At");
        var spendInsert = new Inserter(_connection, "QuickWinSpends",
            "Id", "BudgetId", "Kind", "Amount", "SpentOn", "Payee", "PayeeIsSensitive", "Purpose", "Reference", "IssueId", "RecordedById", "RecordedAt", "AdjustsSpendId", "Reason");
        var nextBudgetId = MaxId("QuickWinBudgets") + 1;
        var nextChangeId = MaxId("AllocationChanges") + 1L;
        var nextSpendId = MaxId("QuickWinSpends") + 1L;
        var firstYear = FinancialYear.Containing(UkTime.DateOf(_start)).StartYear;
        var lastYear = FinancialYear.Containing(_asOf).StartYear;
        foreach (var area in _areas)
        {
            for (var startYear = firstYear; startYear <= lastYear; startYear++)
            {
                var year = new FinancialYear(startYear);
                const decimal allocation = 10_000m;
                var spent = 0m;
                var budgetId = nextBudgetId++;
                var spends = new List<(DateOnly On, decimal Amount)>();
                for (var on = year.Starts.AddDays(_random.Next(0, 7)); on <= year.Ends && on < _asOf; on = on.AddDays(_random.Next(4, 11)))
                {
                    var amount = decimal.Round((decimal)(_random.Next(2_000, 40_000) / 100.0), 2);
                    if (spent + amount > allocation)
                    {
                        break;
                    }

                    spent += amount;
                    spends.Add((on, amount));
                }

                budgetInsert.Row(_transaction, budgetId, area.Id, startYear, Money(allocation), Money(spent), NewVersion());
                changeInsert.Row(_transaction, nextChangeId++, budgetId, null, Money(allocation), "First allocation for the year", _partnershipManager.Id,
                    Time(year.Starts.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)));
                foreach (var (on, amount) in spends)
                {
                    spendInsert.Row(_transaction, nextSpendId++, budgetId, (int)Domain.Budgets.LedgerEntryKind.Spend, Money(amount), Date(on),
                        Pick(GeneratedText.Payees), 0, Pick(GeneratedText.SpendPurposes), $"PO-{_random.Next(10_000, 99_999)}", null, area.Manager.Id,
                        Time(on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc)), null, null);
                }
            }
        }
    }

    /// <summary>A decimal as EF Core's SQLite provider stores it (text).</summary>
    private static string Money(decimal amount) => amount.ToString("0.0#", CultureInfo.InvariantCulture);

    private void WriteIssues()
    {
        _issueInsert = new Inserter(_connection, "Issues",
            "Id", "Reference", "Title", "Description", "AreaId", "WardId", "Address", "Postcode", "CategoryId", "Source", "RaisedById", "RaisedAt",
            "OnBehalfOfName", "OnBehalfOfContact", "Level", "Status", "OwnerId", "LeadOrganisationId", "ReferredOrganisationId", "FollowUpOn",
            "ReferralConfirmedAt", "TaskGroupId", "IsConfidential", "TargetDate", "Outcome", "ResolvedAt", "ClosedAt", "DuplicateOfId",
            "StepUpCount", "StepDownCount", "LastActivityAt", "Version");
        _eventInsert = new Inserter(_connection, "IssueEvents",
            "Id", "IssueId", "Kind", "ActorId", "OccurredAt", "Summary", "Field", "OldValue", "NewValue", "Body", "Visibility", "RelatedIssueId");

        _costInsert = new Inserter(_connection, "IssueCosts",
            "Id", "IssueId", "OrganisationId", "BorneBy", "Description", "UnitCostId", "UnitCostAtTime", "Unit", "Quantity", "Amount", "IncurredOn",
            "RecordedById", "RecordedAt", "WithdrawnAt", "WithdrawnById", "WithdrawnReason");
        _estimateInsert = new Inserter(_connection, "CostEstimates",
            "Id", "IssueId", "Method", "Confidence", "EstimatedOn", "Avoided", "RecordedById", "RecordedAt", "UpdatedById", "UpdatedAt", "Version");
        _lineInsert = new Inserter(_connection, "EstimateLines",
            "Id", "CostEstimateId", "IssueId", "UnitCostId", "Name", "Unit", "UnitCostAtTime", "BorneBy", "Quantity", "Probability", "Amount", "Note",
            "RecordedById", "RecordedAt", "RemovedAt", "RemovedById");
        _nextCostId = MaxId("IssueCosts") + 1L;
        _nextEstimateId = MaxId("CostEstimates") + 1;
        _nextLineId = MaxId("EstimateLines") + 1L;

        var stopwatch = Stopwatch.StartNew();
        var span = (_end - _start).TotalSeconds;
        for (var i = 0; i < _options.Issues; i++)
        {
            // Raised times rise with the id (as the app's own would), denser towards the as-of date: the density
            // grows linearly to five times the oldest year's (inverse of the distribution function (x + 2x²)/3).
            var u = (i + _random.NextDouble()) / _options.Issues;
            var x = (-1 + Math.Sqrt(1 + (24 * u))) / 4;
            var raisedAt = _start.AddSeconds(Math.Floor(x * span));
            WriteIssue(raisedAt);
            if ((i + 1) % ProgressEvery == 0)
            {
                _output.WriteLine($"  {i + 1:N0} issues, {_eventsWritten:N0} events ({stopwatch.Elapsed.TotalSeconds:N0} s)");
            }
        }
    }

    private void WriteIssue(DateTime raisedAt)
    {
        var id = _nextIssueId++;
        var ward = Pick(_wards);
        var area = ward.Area;
        var category = Pick(_categories);
        var sensitive = category.Theme is IssueTheme.ChildrenAndFamilies or IssueTheme.HealthAndWellbeing or IssueTheme.Financial
            || category.Code is "crime-drugs" or "housing-conditions";
        var source = PickWeighted([(IssueSource.Councillor, 30), (IssueSource.Resident, 25), (IssueSource.Partner, 20), (IssueSource.CommunityMeeting, 10), (IssueSource.Officer, 15)]);
        var raisedBy = source switch
        {
            IssueSource.Councillor => Pick(ward.Councillors),
            IssueSource.Partner => Pick(Pick(_organisations).Partners),
            IssueSource.Officer => _random.NextDouble() < 0.5 ? area.Manager : area.SupportOfficer,
            _ => area.SupportOfficer,
        };
        var year = UkTime.FromUtc(raisedAt).Year;
        var number = _lastReference.TryGetValue(year, out var last) ? last + 1 : 1;
        _lastReference[year] = number;
        var reference = Issue.ReferenceFor(year, number);
        var street = $"{Pick(GeneratedText.StreetStems)} {Pick(GeneratedText.StreetKinds)}";
        var titles = GeneratedText.Titles.TryGetValue(category.Code, out var known) ? known : GeneratedText.Titles["other"];
        var title = string.Format(CultureInfo.InvariantCulture, Pick(titles), street);
        var description = $"{Pick(GeneratedText.DescriptionOpenings)} {Pick(GeneratedText.DescriptionDetails)}";
        // Councillors never see confidential issues, so they neither raise one nor write on one's timeline.
        var confidential = _random.NextDouble() < (sensitive ? 0.28 : 0.05) && raisedBy.Role != Roles.Councillor;

        var issue = new IssueState();
        _events.Clear();
        _sequence = 0;
        AddEvent(raisedAt, IssueEventKind.Raised, raisedBy.Id, "Raised");
        if (confidential && _random.NextDouble() < 0.5)
        {
            AddEvent(raisedAt.AddMinutes(_random.Next(5, 240)), IssueEventKind.Edited, area.Manager.Id, "Marked confidential", Visibility.Confidential,
                "Confidential", "No", "Yes");
        }

        var activeUntil = _end;
        var triagedAt = raisedAt.AddMinutes(30 + (int)(Math.Pow(_random.NextDouble(), 2) * 7200));
        if (triagedAt < _end && _random.NextDouble() >= 0.002)
        {
            // Front-line jobs are mostly street scene; the rest lean to partnership and multi-agency work.
            var level = category.Theme == IssueTheme.CleanerSaferGreener
                ? PickWeighted([(IssueLevel.FrontLine, 55), (IssueLevel.Partnership, 30), (IssueLevel.MultiAgency, 12), (IssueLevel.Borough, 3)])
                : PickWeighted([(IssueLevel.FrontLine, 15), (IssueLevel.Partnership, 45), (IssueLevel.MultiAgency, 30), (IssueLevel.Borough, 10)]);
            issue.Level = level;
            issue.Status = IssueStatus.Triaged;
            issue.TargetDate = UkTime.DateOf(triagedAt).AddDays(_targetDays[level]);
            AddEvent(triagedAt, IssueEventKind.Triaged, area.Manager.Id, $"Triaged at {Issue.LevelName(level)}", Visibility.Everyone,
                "Level", null, Issue.LevelName(level), Pick(GeneratedText.TriageReasons[(int)level - 1]));
            Assign(issue, AssignmentFor(level, category.Code, area, triagedAt), area.Manager.Id, triagedAt);

            // Most work finishes within its target; a slow tail (some still open and overdue at the as-of date) does not.
            var pace = _random.NextDouble() < 0.06 ? 1.2 + (_random.NextDouble() * 4) : 0.15 + (_random.NextDouble() * 1.05);
            var resolveAt = triagedAt.AddDays(_targetDays[level] * pace);
            if (_random.NextDouble() < 0.05)
            {
                var withdrawnAt = triagedAt.AddHours(_random.Next(12, 360));
                if (withdrawnAt < _end)
                {
                    var duplicate = _issuesWritten > 0 && _random.NextDouble() < 0.4 ? _recent[_random.Next(Math.Min(_issuesWritten, _recent.Length))] : default;
                    issue.DuplicateOfId = duplicate.Reference is null ? null : duplicate.Id;
                    AddEvent(withdrawnAt, IssueEventKind.Withdrawn, area.Manager.Id,
                        duplicate.Reference is null ? "Withdrawn: not for the partnership" : $"Withdrawn as a duplicate of {duplicate.Reference}",
                        Visibility.Everyone, "Status", Issue.StatusName(issue.Status), Issue.StatusName(IssueStatus.Withdrawn), Pick(GeneratedText.WithdrawReasons));
                    issue.Status = IssueStatus.Withdrawn;
                    activeUntil = withdrawnAt;
                }
            }

            if (issue.Status != IssueStatus.Withdrawn)
            {
                var startedAt = triagedAt.AddHours(_random.Next(2, 96));
                if (level != IssueLevel.FrontLine && startedAt < _end && startedAt < resolveAt)
                {
                    AddEvent(startedAt, IssueEventKind.StatusChanged, issue.OwnerId ?? area.Manager.Id, "Status changed to In progress", Visibility.Everyone,
                        "Status", Issue.StatusName(IssueStatus.Triaged), Issue.StatusName(IssueStatus.InProgress));
                    issue.Status = IssueStatus.InProgress;
                }

                // A step up (or, less often, down) part-way through, with its own new target.
                var moveRoll = _random.NextDouble();
                var moveTo = moveRoll < 0.12 && level < IssueLevel.Borough ? level + 1
                    : moveRoll > 0.95 && level > IssueLevel.FrontLine ? level - 1
                    : (IssueLevel?)null;
                if (moveTo is { } to)
                {
                    var movedAt = triagedAt.AddSeconds((Earliest(resolveAt, _end) - triagedAt).TotalSeconds * (0.2 + (_random.NextDouble() * 0.4)));
                    if (movedAt > triagedAt && movedAt < _end)
                    {
                        var up = to > level;
                        if (up)
                        {
                            issue.StepUps++;
                        }
                        else
                        {
                            issue.StepDowns++;
                        }

                        AddEvent(movedAt, up ? IssueEventKind.SteppedUp : IssueEventKind.SteppedDown, area.Manager.Id,
                            $"{(up ? "Stepped up" : "Stepped down")} from {Issue.LevelName(level)} to {Issue.LevelName(to)}", Visibility.Everyone,
                            "Level", Issue.LevelName(level), Issue.LevelName(to), Pick(up ? GeneratedText.StepUpReasons : GeneratedText.StepDownReasons));
                        Assign(issue, AssignmentFor(to, category.Code, area, movedAt), area.Manager.Id, movedAt);
                        level = to;
                        issue.Level = to;
                        issue.TargetDate = UkTime.DateOf(movedAt).AddDays(_targetDays[to]);
                        resolveAt = movedAt.AddDays(_targetDays[to] * pace);
                    }
                }

                // Some Level 2 work goes through one of the area's task groups set up before it.
                var group = level == IssueLevel.Partnership && _random.NextDouble() < 0.3
                    ? area.ActiveTaskGroups.FirstOrDefault(g => g.CreatedAt < triagedAt)
                    : null;
                var linkedAt = triagedAt.AddHours(_random.Next(1, 72));
                if (group is not null && linkedAt < _end && linkedAt < resolveAt)
                {
                    issue.TaskGroupId = group.Id;
                    AddEvent(linkedAt, IssueEventKind.LinkedToTaskGroup, area.Manager.Id, $"Linked to task group {group.Name}", Visibility.Everyone,
                        "Task group", null, group.Name);
                    TaskGroupEvent(group, null, area.Manager.Id, linkedAt, $"Issue {reference} linked to the group", null);
                    var progressAt = linkedAt.AddDays(_random.Next(1, 20));
                    if (progressAt < _end)
                    {
                        AddEvent(progressAt, IssueEventKind.ActionUpdated, group.Area.Manager.Id, $"{PlanAction.ProgressPrefix} ‘{Pick(GeneratedText.ActionDescriptions)}’",
                            Visibility.Confidential);
                    }
                }

                if (resolveAt < _end)
                {
                    var outcome = Pick(GeneratedText.Outcomes);
                    if (level == IssueLevel.FrontLine)
                    {
                        issue.ReferralConfirmedAt = resolveAt;
                        AddEvent(resolveAt, IssueEventKind.ReferralCompleted, area.Manager.Id, "Front-line service confirmed the job done", Visibility.Everyone,
                            body: outcome);
                    }

                    AddEvent(resolveAt, IssueEventKind.Resolved, issue.OwnerId ?? area.Manager.Id, "Resolved", Visibility.Everyone,
                        "Status", Issue.StatusName(issue.Status), Issue.StatusName(IssueStatus.Resolved), outcome);
                    issue.Status = IssueStatus.Resolved;
                    issue.Outcome = outcome;
                    issue.ResolvedAt = resolveAt;
                    activeUntil = Earliest(_end, resolveAt.AddDays(30));
                    var closedAt = resolveAt.AddDays(2 + (_random.NextDouble() * 28));
                    if (closedAt < _end && _random.NextDouble() < 0.9)
                    {
                        AddEvent(closedAt, IssueEventKind.Closed, area.Manager.Id, "Status changed to Closed", Visibility.Everyone,
                            "Status", Issue.StatusName(IssueStatus.Resolved), Issue.StatusName(IssueStatus.Closed));
                        issue.Status = IssueStatus.Closed;
                        issue.ClosedAt = closedAt;
                        activeUntil = closedAt;
                    }
                }
            }
        }

        // Notes fill the timeline up to this issue's share of the average (the lifecycle entries are its minimum).
        var wanted = (int)Math.Round(_options.EventsPerIssue * (0.4 + (_random.NextDouble() * 1.2)));
        var notes = wanted - _events.Count;
        var window = (activeUntil - raisedAt).TotalSeconds;
        for (var n = 0; n < notes && window > 2; n++)
        {
            var at = raisedAt.AddSeconds(1 + Math.Floor(_random.NextDouble() * (window - 1)));
            var byCouncillor = !confidential && _random.NextDouble() < 0.1;
            var secret = !byCouncillor && _random.NextDouble() < (confidential ? 0.35 : 0.12);
            var actor = byCouncillor ? Pick(ward.Councillors).Id
                : _random.Next(3) switch
                {
                    0 => area.Manager.Id,
                    1 => area.SupportOfficer.Id,
                    _ => issue.OwnerId ?? area.SupportOfficer.Id,
                };
            AddEvent(at, IssueEventKind.NoteAdded, actor, secret ? "Confidential note added" : "Note added",
                secret ? Visibility.Confidential : Visibility.Everyone, body: Pick(secret ? GeneratedText.ConfidentialNotes : GeneratedText.Notes));
        }

        var costs = issue.Level is not null ? PlanCosts(id, area) : null;

        _events.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Sequence.CompareTo(b.Sequence));
        var lastActivity = _events[^1].At;

        var p = _issueInsert;
        p.Set(0, id);
        p.Set(1, reference);
        p.Set(2, title);
        p.Set(3, description);
        p.Set(4, area.Id);
        p.Set(5, ward.Id);
        p.Set(6, $"{_random.Next(1, 180)} {street}");
        p.Set(7, $"VA{area.Index + 1} {_random.Next(1, 10)}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}");
        p.Set(8, category.Id);
        p.Set(9, (int)source);
        p.Set(10, raisedBy.Id);
        p.Set(11, Time(raisedAt));
        var onBehalf = source == IssueSource.Resident;
        p.Set(12, onBehalf ? $"{Pick(GeneratedText.FirstNames)} {Pick(GeneratedText.LastNames)}" : null);
        p.Set(13, onBehalf ? $"07700 900{_random.Next(1000):000}" : null);
        p.Set(14, issue.Level is { } l ? (int)l : null);
        p.Set(15, (int)issue.Status);
        p.Set(16, issue.OwnerId);
        p.Set(17, issue.LeadOrganisationId);
        p.Set(18, issue.ReferredOrganisationId);
        p.Set(19, issue.FollowUpOn is { } followUp ? Date(followUp) : null);
        p.Set(20, issue.ReferralConfirmedAt is { } confirmed ? Time(confirmed) : null);
        p.Set(21, issue.TaskGroupId);
        p.Set(22, confidential ? 1 : 0);
        p.Set(23, issue.TargetDate is { } due ? Date(due) : null);
        p.Set(24, issue.Outcome);
        p.Set(25, issue.ResolvedAt is { } resolved ? Time(resolved) : null);
        p.Set(26, issue.ClosedAt is { } closedTime ? Time(closedTime) : null);
        p.Set(27, issue.DuplicateOfId);
        p.Set(28, issue.StepUps);
        p.Set(29, issue.StepDowns);
        p.Set(30, Time(lastActivity));
        p.Set(31, NewVersion());
        p.Execute(_transaction);

        costs?.Invoke();

        var e = _eventInsert;
        foreach (var ev in _events)
        {
            e.Set(0, _nextEventId++);
            e.Set(1, id);
            e.Set(2, (int)ev.Kind);
            e.Set(3, ev.ActorId);
            e.Set(4, Time(ev.At));
            e.Set(5, ev.Summary);
            e.Set(6, ev.Field);
            e.Set(7, ev.OldValue);
            e.Set(8, ev.NewValue);
            e.Set(9, ev.Body);
            e.Set(10, (int)ev.Visibility);
            e.Set(11, null);
            e.Execute(_transaction);
        }

        _recent[_issuesWritten % _recent.Length] = (id, reference);
        _issuesWritten++;
        _eventsWritten += _events.Count;
        Written(1 + _events.Count);
    }

    /// <summary>Who acts on an issue at a level, by the rule on <see cref="Assignment.CheckFor"/>.</summary>
    private Assignment AssignmentFor(IssueLevel level, string categoryCode, AreaRow area, DateTime at)
    {
        switch (level)
        {
            case IssueLevel.FrontLine:
                var service = FrontLineServiceFor(categoryCode);
                return new Assignment(ReferredOrganisationId: service.Id, ReferredOrganisationName: service.Name,
                    FollowUpOn: UkTime.DateOf(at).AddDays(_random.Next(7, 15)));
            case IssueLevel.Partnership:
                var owner = _random.NextDouble() < 0.75 ? area.Manager : Pick(Pick(_organisations).Partners);
                return new Assignment(OwnerId: owner.Id, OwnerName: owner.Name);
            case IssueLevel.MultiAgency:
                var lead = Pick(_organisations);
                var leadOwner = lead == _areaTeam ? area.Manager : Pick(lead.Partners);
                return new Assignment(OwnerId: leadOwner.Id, OwnerName: leadOwner.Name, LeadOrganisationId: lead.Id, LeadOrganisationName: lead.Name);
            default:
                return new Assignment(OwnerId: _partnershipManager.Id, OwnerName: _partnershipManager.Name, OwnerRole: Roles.PartnershipManager);
        }
    }

    private OrganisationRow FrontLineServiceFor(string categoryCode)
    {
        var name = categoryCode switch
        {
            "fly-tipping" or "street-cleansing" or "graffiti" => "Street Cleansing",
            "highways" or "street-lighting" or "road-safety" => "Highways",
            "parks" => "Parks and Open Spaces",
            "noise-nuisance" or "empty-properties" => "Environmental Health",
            "asb" => "Anti-social Behaviour Unit",
            "crime-drugs" => "Police",
            "fire-risk" => "Fire and Rescue",
            "housing-conditions" => "Homes",
            _ => null,
        };
        return (name is null ? null : _organisations.Find(o => o.IsFrontLine && o.Name.EndsWith(name, StringComparison.Ordinal)))
            ?? Pick(_organisations.Where(o => o.IsFrontLine).ToList());
    }

    /// <summary>Mirrors Issue.Assign: each change of who acts goes on the timeline, old → new.</summary>
    private void Assign(IssueState issue, Assignment to, int actorId, DateTime at)
    {
        if (to.ReferredOrganisationId != issue.ReferredOrganisationId || (to.ReferredOrganisationId is not null && to.FollowUpOn != issue.FollowUpOn))
        {
            AddEvent(at, IssueEventKind.Referred, actorId,
                to.ReferredOrganisationId is null ? "Referral to a front-line service ended" : $"Referred to {to.ReferredOrganisationName}", Visibility.Everyone,
                "Referred to", issue.ReferredOrganisationName,
                to.ReferredOrganisationId is null ? null : $"{to.ReferredOrganisationName}, follow up on {UkTime.Format(to.FollowUpOn!.Value)}");
        }

        if (to.OwnerId != issue.OwnerId)
        {
            AddEvent(at, IssueEventKind.Assigned, actorId, to.OwnerId is null ? "Owner removed" : $"Assigned to {to.OwnerName}", Visibility.Everyone,
                "Owner", issue.OwnerName, to.OwnerName);
        }

        if (to.LeadOrganisationId != issue.LeadOrganisationId)
        {
            AddEvent(at, IssueEventKind.Assigned, actorId,
                to.LeadOrganisationId is null ? "Lead organisation removed" : $"Lead organisation set to {to.LeadOrganisationName}", Visibility.Everyone,
                "Lead organisation", issue.LeadOrganisationName, to.LeadOrganisationName);
        }

        if (issue.TaskGroupId is not null && to.TaskGroupId is null)
        {
            AddEvent(at, IssueEventKind.LinkedToTaskGroup, actorId, "No longer worked through a task group", Visibility.Everyone, "Task group", "a task group", null);
        }

        issue.OwnerId = to.OwnerId;
        issue.OwnerName = to.OwnerName;
        issue.LeadOrganisationId = to.LeadOrganisationId;
        issue.LeadOrganisationName = to.LeadOrganisationName;
        issue.ReferredOrganisationId = to.ReferredOrganisationId;
        issue.ReferredOrganisationName = to.ReferredOrganisationName;
        issue.FollowUpOn = to.FollowUpOn;
        issue.TaskGroupId = to.TaskGroupId;
        if (issue.ReferredOrganisationId is null)
        {
            issue.ReferralConfirmedAt = null;
        }
    }

    /// <summary>
    /// The unit-cost table (the same names as the demo's where they overlap): what generated costs and estimates draw on.
    /// Names already in the table are reused, so generating into a database twice keeps them unique.
    /// </summary>
    private void WriteUnitCosts()
    {
        var existing = Query("""SELECT "Name", "Id" FROM "UnitCosts" """, r => (r.GetString(0), r.GetInt32(1))).ToDictionary(x => x.Item1, x => x.Item2);
        var insert = new Inserter(_connection, "UnitCosts", "Id", "Name", "Unit", "Cost", "BorneBy", "Source", "SourceDate", "IsActive", "Version");
        var nextId = MaxId("UnitCosts") + 1;
        foreach (var (name, unit, cost, agency) in GeneratedUnitCosts)
        {
            if (!existing.TryGetValue(name, out var id))
            {
                id = nextId++;
                insert.Row(_transaction, id, name, unit, Money(cost), (int)agency, "Generated figure for measuring", Date(_asOf.AddYears(-1)), 1, CostVersion());
            }

            _unitCosts.Add((id, name, unit, cost, agency));
        }
    }

    private static readonly (string Name, string Unit, decimal Cost, OrganisationKind Agency)[] GeneratedUnitCosts =
    [
        ("Police response to an incident", "per incident", 250m, OrganisationKind.Police),
        ("An eviction by a social landlord", "per eviction", 7_000m, OrganisationKind.Housing),
        ("A&E attendance", "per attendance", 180m, OrganisationKind.Health),
        ("Fire and rescue response to a dwelling fire", "per incident", 3_000m, OrganisationKind.FireAndRescue),
        ("Out-of-work benefits for a year", "per claimant per year", 9_000m, OrganisationKind.Dwp),
        ("A child taken into care", "per child (the care package)", 259_000m, OrganisationKind.CouncilService),
        ("Fly-tip clearance", "per clearance", 90m, OrganisationKind.CouncilService),
        ("Officer time", "per hour", 32m, OrganisationKind.CouncilService),
    ];

    /// <summary>
    /// For about one triaged issue in twenty-five, one or two costs; for about one in fifty, an estimate of one to three lines
    /// (a third at each confidence). Timeline entries join the issue's events now; the rows are written after the issue
    /// (the returned action), because they refer to it.
    /// </summary>
    private Action? PlanCosts(int issueId, AreaRow area)
    {
        var withCosts = _costRandom.NextDouble() < 0.04;
        var withEstimate = _costRandom.NextDouble() < 0.02;
        if (!withCosts && !withEstimate)
        {
            return null;
        }

        var first = _events.Min(e => e.At);
        var last = _events.Max(e => e.At);
        DateTime Between() => first.AddSeconds(_costRandom.NextDouble() * Math.Max(1, (last - first).TotalSeconds));
        var rows = new List<Action>();
        if (withCosts)
        {
            for (var c = _costRandom.Next(1, 3); c > 0; c--)
            {
                var at = Between();
                var unit = _unitCosts[_costRandom.Next(_unitCosts.Count)];
                var fromTable = unit.Cost < 1_000m && _costRandom.NextDouble() < 0.7;
                var quantity = fromTable ? _costRandom.Next(1, 9) : 0;
                var amount = fromTable ? unit.Cost * quantity : _costRandom.Next(2_000, 120_000) / 100m;
                var organisation = _organisations.FirstOrDefault(o => o.Kind == unit.Agency) ?? _areaTeam;
                var description = fromTable ? unit.Name : "Officer time and materials";
                var costId = _nextCostId++;
                AddEvent(at, IssueEventKind.CostRecorded, area.Manager.Id, $"Cost recorded: {description}, {Domain.CostAvoidance.Money.Pounds(amount)}", Visibility.Confidential,
                    body: $"Borne by {organisation.Name}");
                rows.Add(() => _costInsert.Row(_transaction, costId, issueId, organisation.Id, (int)organisation.Kind, description,
                    fromTable ? unit.Id : null, fromTable ? Money(unit.Cost) : null, fromTable ? unit.Unit : null, fromTable ? Money(quantity) : null,
                    Money(amount), Date(UkTime.DateOf(at)), area.Manager.Id, Time(at), null, null, null));
            }
        }

        if (withEstimate)
        {
            var at = Between();
            var estimateId = _nextEstimateId++;
            var confidence = 1 + _costRandom.Next(3);
            var total = 0m;
            for (var l = _costRandom.Next(1, 4); l > 0; l--)
            {
                var unit = _unitCosts[_costRandom.Next(_unitCosts.Count)];
                var quantity = (decimal)_costRandom.Next(1, 4);
                var chance = _costRandom.Next(1, 11) / 10m;
                var amount = Domain.CostAvoidance.Money.Round(unit.Cost * quantity * chance);
                total += amount;
                var lineId = _nextLineId++;
                AddEvent(at, IssueEventKind.CostEstimateRecorded, area.Manager.Id, $"Estimate line added: {unit.Name} × {quantity:0.##} × {chance:0.##%}",
                    Visibility.Confidential, body: Domain.CostAvoidance.Money.Pounds(amount));
                rows.Add(() => _lineInsert.Row(_transaction, lineId, estimateId, issueId, unit.Id, unit.Name, unit.Unit, Money(unit.Cost), (int)unit.Agency,
                    Money(quantity), chance.ToString("0.0###", CultureInfo.InvariantCulture), Money(amount), null, area.Manager.Id, Time(at), null, null));
            }

            var version = CostVersion();
            var avoided = total;
            rows.Insert(0, () => _estimateInsert.Row(_transaction, estimateId, issueId, "Comparable cases in the area over the last year", confidence,
                Date(UkTime.DateOf(at)), Money(avoided), area.Manager.Id, Time(at), area.Manager.Id, Time(at), version));
        }

        return () =>
        {
            foreach (var row in rows)
            {
                row();
            }

            Written(rows.Count);
        };
    }

    private string CostVersion()
    {
        Span<byte> bytes = stackalloc byte[16];
        _costRandom.NextBytes(bytes);
        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }

    private void AddEvent(DateTime at, IssueEventKind kind, int? actorId, string summary, Visibility visibility = Visibility.Everyone,
        string? field = null, string? oldValue = null, string? newValue = null, string? body = null)
    {
        if (at < _end)
        {
            _events.Add(new Ev(at, _sequence++, kind, actorId, summary, field, oldValue, newValue, body, visibility));
        }
    }

    private void TaskGroupEvent(TaskGroupRow group, int? planActionId, int actorId, DateTime at, string summary, string? body)
    {
        _taskGroupEventInsert.Row(_transaction, _nextTaskGroupEventId++, group.Id, planActionId, actorId, Time(at), summary, body);
        Written(1);
    }

    /// <summary>Commits every ~50,000 rows: big enough to be fast, small enough to keep the journal modest.</summary>
    private void Written(int rows)
    {
        _rowsInTransaction += rows;
        if (_rowsInTransaction >= RowsPerTransaction)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = _connection.BeginTransaction();
            _rowsInTransaction = 0;
        }
    }

    private int MaxId(string table)
    {
        using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // table names are constants of this class
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
#pragma warning restore CA2100
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // constants
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T PickWeighted<T>(ReadOnlySpan<(T Value, int Weight)> choices)
    {
        var total = 0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var roll = _random.Next(total);
        foreach (var choice in choices)
        {
            roll -= choice.Weight;
            if (roll < 0)
            {
                return choice.Value;
            }
        }

        return choices[^1].Value;
    }

    private T[] Shuffled<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        _random.Shuffle(array);
        return array;
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A concurrency version as EF Core stores a Guid in SQLite (upper-case text).</summary>
    private string NewVersion() => NextGuid().ToString("D").ToUpperInvariant();

    /// <summary>An Identity security stamp: 32 base-32 characters, as Identity makes them (but from the seeded generator).</summary>
    private string SecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(32, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[random.Next(alphabet.Length)];
            }
        });
    }

    private static DateTime Earliest(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Latest(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earliest(DateTime a, DateTime b, DateTime c) => Earliest(Earliest(a, b), c);

    /// <summary>A UTC time as EF Core writes a DateTime in SQLite (whole seconds, so no fraction).</summary>
    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly record struct Ev(DateTime At, int Sequence, IssueEventKind Kind, int? ActorId, string Summary,
        string? Field, string? OldValue, string? NewValue, string? Body, Visibility Visibility);

    /// <summary>The issue being written: its fields as its timeline leaves them.</summary>
    private sealed class IssueState
    {
        public IssueLevel? Level { get; set; }

        public IssueStatus Status { get; set; } = IssueStatus.New;

        public int? OwnerId { get; set; }

        public string? OwnerName { get; set; }

        public int? LeadOrganisationId { get; set; }

        public string? LeadOrganisationName { get; set; }

        public int? ReferredOrganisationId { get; set; }

        public string? ReferredOrganisationName { get; set; }

        public DateOnly? FollowUpOn { get; set; }

        public DateTime? ReferralConfirmedAt { get; set; }

        public int? TaskGroupId { get; set; }

        public DateOnly? TargetDate { get; set; }

        public string? Outcome { get; set; }

        public DateTime? ResolvedAt { get; set; }

        public DateTime? ClosedAt { get; set; }

        public int? DuplicateOfId { get; set; }

        public int StepUps { get; set; }

        public int StepDowns { get; set; }
    }

    private sealed record AreaRow(int Id, string Name, int Index)
    {
        public List<WardRow> Wards { get; } = [];

        public List<TaskGroupRow> ActiveTaskGroups { get; } = [];

        public Person Manager { get; set; } = null!;

        public Person SupportOfficer { get; set; } = null!;
    }

    private sealed record WardRow(int Id, string Name, AreaRow Area)
    {
        public List<Person> Councillors { get; } = [];
    }

    private sealed record OrganisationRow(int Id, string Name, OrganisationKind Kind, bool IsFrontLine)
    {
        public List<Person> Partners { get; } = [];
    }

    private sealed record Person(int Id, string Name, string Role, OrganisationRow? Organisation);

    private sealed record TaskGroupRow(int Id, AreaRow Area, string Name, DateTime CreatedAt, bool IsActive);

    /// <summary>A prepared INSERT reused for every row of a table (parameters are set in place, not re-created).</summary>
    private sealed class Inserter
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Inserter(SqliteConnection connection, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names are constants of this class
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
            _parameters = [.. columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
        }

        public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

        public void Execute(SqliteTransaction transaction)
        {
            _command.Transaction = transaction;
            _command.ExecuteNonQuery();
        }

        public void Row(SqliteTransaction transaction, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Set(i, values[i]);
            }

            Execute(transaction);
        }
    }
}
