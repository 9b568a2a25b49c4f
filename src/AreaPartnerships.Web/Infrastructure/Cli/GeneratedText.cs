using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Web.Infrastructure.Cli;

/// <summary>
/// The invented words the generator builds its data from: place names, people's names, organisations and
/// the text of issues and notes. Every place, person and organisation here is made up (no real borough is
/// named), so generated data can never be mistaken for, or collide with, a real council's records.
/// </summary>
internal static class GeneratedText
{
    public const string Domain = GenerateCommand.EmailDomain;

    /// <summary>Distinct stems: one per area, so area and ward names built from them are unique.</summary>
    public static readonly string[] PlaceStems =
    [
        "Ashford", "Brockley", "Calderbrook", "Dunmere", "Elmstead", "Fairhaven", "Glenholme", "Hartwell", "Ivybridge Vale", "Kestrel Moor",
        "Larkfield", "Millbeck", "Northcote", "Oakhurst", "Pennington", "Quarrydale", "Ravensworth", "Saltmarsh", "Thornbury Cross", "Underwood",
        "Wexcombe", "Yarrowby", "Amberley Fen", "Birchcliffe", "Coldharbour", "Drayfield", "Eastling", "Foxlease", "Greystoke Park", "Hollinsend",
        "Kingsmere", "Longdown", "Marlowby", "Netherfold", "Orchard Vale", "Pryorsfield", "Redlynch", "Stonebridge Moor", "Tollerby", "Westhaven",
        "Ashcombe", "Bramwell", "Crowhurst", "Dellow", "Everleigh", "Farrowdale", "Gorsefield", "Hayling Moor", "Inchbrook", "Juniper Heath",
    ];

    public static readonly string[] AreaPrefixes = ["North", "South", "East", "West", "Central", "Upper", "Lower", "Old", "Great", "Little"];

    public static readonly string[] WardSuffixes = ["Green", "Park", "Central", "Heath", "Vale", "Hill", "Cross", "Fields", "Common", "Bridge", "Moor", "Wood"];

    public static readonly string[] StreetStems =
    [
        "Albion", "Beech", "Chapel", "Dovecote", "Elm", "Foundry", "Gasworks", "Hawthorn", "Jubilee", "Kiln", "Laburnum", "Mill", "Nursery",
        "Orchard", "Pump", "Queens", "Railway", "Station", "Tannery", "Union", "Victoria", "Wharf", "Willow", "Coronation", "Bridge",
        "Canal", "Church", "Market", "Forge", "Meadow", "Priory", "Rowan", "Sycamore", "Tower", "Brook", "Cedar", "Holly", "Larch",
    ];

    public static readonly string[] StreetKinds = ["Road", "Street", "Avenue", "Close", "Lane", "Way", "Terrace", "Drive"];

    public static readonly string[] FirstNames =
    [
        "Aisha", "Ben", "Chloe", "Daniel", "Ella", "Farhan", "Grace", "Harry", "Imran", "Jasmine", "Kieran", "Leah", "Mohammed", "Niamh",
        "Owen", "Priya", "Rhys", "Sophie", "Tomasz", "Usha", "Vikram", "Wendy", "Yusuf", "Zara", "Amir", "Bethany", "Callum", "Deepa",
        "Ethan", "Fatima", "Gareth", "Hannah", "Isaac", "Joanne", "Kwame", "Lucy", "Marcus", "Nadia", "Oliver", "Paula", "Ravi", "Siobhan",
    ];

    public static readonly string[] LastNames =
    [
        "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak",
        "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Thompson", "Walker", "Wright", "Young", "Begum", "Campbell", "Edwards", "Hughes",
        "Kaur", "Mensah", "Murphy", "O'Brien", "Price", "Shah", "Taylor", "Turner", "Ward", "Wilson", "Kowalski", "Adeyemi", "Chowdhury",
    ];

    /// <summary>The partner organisations: name, kind, and the front-line contact when it takes Level 1 referrals.</summary>
    public static readonly (string Name, OrganisationKind Kind, string? FrontLineContact)[] Organisations =
    [
        ("Wessex Vale Police", OrganisationKind.Police, "Call 101 or report online at wessexvale.police.example"),
        ("Wessex Vale Police Neighbourhood Team", OrganisationKind.Police, null),
        ("Wessex Vale Fire and Rescue Service", OrganisationKind.FireAndRescue, "Home fire safety visits: 0800 000 0101"),
        ("Vale Borough Council Street Cleansing", OrganisationKind.CouncilService, "Report online or call 0300 000 0201"),
        ("Vale Borough Council Highways", OrganisationKind.CouncilService, "Report a road or street light fault online or call 0300 000 0202"),
        ("Vale Borough Council Parks and Open Spaces", OrganisationKind.CouncilService, "parks@vale.council.example"),
        ("Vale Borough Council Environmental Health", OrganisationKind.CouncilService, "Noise and nuisance line: 0300 000 0203"),
        ("Vale Borough Council Area Partnerships", OrganisationKind.CouncilService, null),
        ("Vale Borough Council Housing Standards", OrganisationKind.CouncilService, null),
        ("Vale Borough Council Early Help", OrganisationKind.CouncilService, null),
        ("Vale Borough Council Anti-social Behaviour Unit", OrganisationKind.AntiSocialBehaviour, "ASB line: 0300 000 0204"),
        ("Vale Borough Council Welfare Rights", OrganisationKind.CouncilService, null),
        ("NHS Vale Integrated Care Board", OrganisationKind.Health, null),
        ("Vale Community Health Services NHS Trust", OrganisationKind.Health, null),
        ("Vale Public Health", OrganisationKind.Health, null),
        ("Vale Homes", OrganisationKind.Housing, "Repairs: 0800 000 0301"),
        ("Meadowgate Housing Association", OrganisationKind.Housing, "Repairs: 0800 000 0302"),
        ("Riverside Vale Housing Trust", OrganisationKind.Housing, null),
        ("Vale Citizens Advice", OrganisationKind.Voluntary, null),
        ("Vale Food Bank Network", OrganisationKind.Voluntary, null),
        ("Vale Youth Trust", OrganisationKind.Voluntary, null),
        ("Vale Council for Voluntary Service", OrganisationKind.Voluntary, null),
        ("Vale Credit Union", OrganisationKind.Voluntary, null),
        ("Wessex Vale Probation Service", OrganisationKind.Other, null),
        ("Vale Jobcentre Plus", OrganisationKind.Other, null),
    ];

    /// <summary>Titles per category code; {0} is a street.</summary>
    public static readonly Dictionary<string, string[]> Titles = new()
    {
        ["fly-tipping"] = ["Fly-tipping on {0}", "Mattresses dumped behind the shops on {0}", "Builders' rubble left in the alley off {0}"],
        ["street-cleansing"] = ["Litter building up on {0}", "Overflowing bins by the bus stop on {0}", "Broken glass on the footpath, {0}"],
        ["graffiti"] = ["Graffiti on the underpass at {0}", "Offensive graffiti on garages, {0}", "Tagging on shop shutters along {0}"],
        ["highways"] = ["Deep pothole on {0}", "Damaged kerb and footway on {0}", "Sunken drain cover on {0}"],
        ["street-lighting"] = ["Street light out on {0}", "Several lights not working along {0}", "Flickering street light outside the school on {0}"],
        ["parks"] = ["Broken play equipment in the park off {0}", "Overgrown path in the green space by {0}", "Damaged benches on the green at {0}"],
        ["noise-nuisance"] = ["Late-night noise from a property on {0}", "Barking dog causing nuisance on {0}", "Bonfire smoke from a yard on {0}"],
        ["asb"] = ["Groups gathering and intimidating residents on {0}", "Off-road bikes on the green by {0}", "Anti-social behaviour outside the shops on {0}"],
        ["crime-drugs"] = ["Suspected drug dealing near {0}", "Car break-ins on {0}", "Discarded needles in the alley off {0}"],
        ["road-safety"] = ["Speeding traffic on {0}", "Parking on the zigzags outside the school on {0}", "Abandoned car on {0}"],
        ["fire-risk"] = ["Rubbish stored against a house on {0}", "Deliberate fires in bins on {0}", "Hoarding at a flat on {0}"],
        ["debt"] = ["Residents on {0} asking for debt advice", "Rent arrears building up in flats on {0}", "Family on {0} struggling with energy debt"],
        ["doorstep-lending"] = ["Suspected loan shark operating around {0}", "Doorstep lenders calling on older residents, {0}"],
        ["worklessness"] = ["Young people on {0} not in work or training", "Jobs fair wanted for residents around {0}"],
        ["poverty"] = ["Families near {0} going without food", "Food bank referrals rising around {0}", "Cold homes on {0} this winter"],
        ["health"] = ["Isolated older residents on {0}", "No GP registration for new arrivals near {0}", "Mental health support needed for residents on {0}"],
        ["housing-conditions"] = ["Damp and mould in a rented house on {0}", "Overcrowded house in multiple occupation on {0}", "Unsafe wiring in a flat on {0}"],
        ["empty-properties"] = ["Empty house attracting vermin on {0}", "Derelict shop on {0} being broken into", "Long-term empty flats above shops on {0}"],
        ["early-help"] = ["Family on {0} needing early help", "Children missing school around {0}", "Young carer on {0} needing support"],
        ["youth"] = ["Nothing for young people to do near {0}", "Youth club closure affecting {0}", "Teenagers asking for a safe space near {0}"],
        ["other"] = ["Residents' concern about {0}", "Request for a community clean-up on {0}", "Question from a residents' group on {0}"],
    };

    public static readonly string[] DescriptionOpenings =
    [
        "Residents have reported this several times over the past few weeks.",
        "Raised at the last community meeting by several residents.",
        "A resident called in to report this and asked for it to be looked at.",
        "Seen on a ward walkabout; it has got worse since the last visit.",
        "Reported by a partner officer working in the area.",
        "This has been going on for months and people are fed up.",
    ];

    public static readonly string[] DescriptionDetails =
    [
        "It is worst in the evenings and at weekends.",
        "Children walk past on the way to school.",
        "Older residents say they no longer feel safe going out.",
        "It was reported to the council before but nothing changed.",
        "Photos are available from the resident if needed.",
        "Neighbours are willing to help if the partnership can organise it.",
        "The landlord has not responded to residents' letters.",
        "It affects several households on the street.",
    ];

    /// <summary>Why an issue was triaged at each level (index 0 is Level 1).</summary>
    public static readonly string[][] TriageReasons =
    [
        ["A simple job for the front-line service.", "Quick fix: refer to the service and follow up."],
        ["Needs the area partnership to coordinate a response.", "Repeat issue: the usual routes have not fixed it."],
        ["Several agencies involved: needs a lead organisation.", "Complex case needing a multi-agency plan."],
        ["A borough-wide pattern: needs a systems response.", "Policy change needed across the borough."],
    ];

    public static readonly string[] StepUpReasons =
    [
        "No improvement after the first response: more agencies are needed.",
        "Further incidents reported since triage.",
        "The front-line service cannot resolve this alone.",
        "Links to a wider pattern across the area.",
    ];

    public static readonly string[] StepDownReasons =
    [
        "The multi-agency work has done its job: the rest is routine.",
        "Situation has stabilised; the area team can take it from here.",
        "Only a simple job remains for the front-line service.",
    ];

    public static readonly string[] Notes =
    [
        "Visited the site today: the problem is still there.",
        "Spoke to residents on the street; they confirmed the details.",
        "Chased the service for an update.",
        "Discussed at the area partnership meeting; actions agreed.",
        "Resident called to ask for progress.",
        "Service has booked the work in for next week.",
        "Councillor asked to be kept informed.",
        "Photos added to the file after the site visit.",
        "Partner officer has agreed to look into it.",
        "Letter sent to the property owner.",
        "No further reports since the last update.",
        "Work started on site this morning.",
        "Checked again: partly fixed, more to do.",
        "Residents' association thanked the team for the update.",
    ];

    public static readonly string[] ConfidentialNotes =
    [
        "Safeguarding concern shared with the early help team.",
        "Named household known to the police: details held by the neighbourhood team.",
        "Vulnerable adult involved: referral made to adult social care.",
        "Tenancy enforcement under way: not to be discussed publicly.",
        "Resident's health condition is relevant: see the housing officer's notes.",
        "Information shared under the multi-agency agreement.",
    ];

    public static readonly string[] Outcomes =
    [
        "Cleared and the area checked a week later.",
        "Repaired by the service; residents confirmed it is fixed.",
        "Enforcement notice served and complied with.",
        "Extra patrols for four weeks; reports have stopped.",
        "Family engaged with support and the case was closed.",
        "Owner brought the property back into use.",
        "Residents signposted to advice; follow-up showed no further need.",
        "Referred to the service's own programme; no further partnership action.",
    ];

    public static readonly string[] WithdrawReasons =
    [
        "Not a matter for the partnership: a private dispute.",
        "Resident withdrew the request.",
        "Already dealt with through the service's own channel.",
    ];

    public static readonly string[] TaskGroupThemes =
    [
        "anti-social behaviour task group", "clean streets group", "youth engagement group", "empty homes group",
        "financial inclusion group", "community safety task group", "healthy neighbourhoods group",
    ];

    public static readonly string[] ActionDescriptions =
    [
        "Targeted patrols on Thursday to Saturday evenings",
        "Visit the tenancies backing onto the alley with the housing officer",
        "Arrange a community clean-up day with residents",
        "Install CCTV signage at the hotspot",
        "Hold a drop-in session for debt and benefits advice",
        "Map the empty properties and write to the owners",
        "Set up a weekly youth session at the community centre",
        "Cut back overgrown shrubs that give cover to the problem",
    ];

    public static readonly string[] Payees =
    [
        "Walsall Skip Hire Ltd", "Secure Gates (Midlands) Ltd", "Bright Lights Electrical", "Community Hall Trust", "Green Spaces Landscaping",
        "Youth Boxing Club", "Graffiti Away Ltd", "Lockwise Locksmiths", "Midlands Signs", "Clean Streets Cooperative",
    ];

    public static readonly string[] SpendPurposes =
    [
        "Skip for a community clean-up day", "Lockable gate on a problem alley", "Replacement lighting in an underpass", "Hall hire for a community meeting",
        "Cutting back overgrown shrubs hiding a hotspot", "Evening sessions for young people", "Graffiti removal on a row of shops",
        "Target-hardening for a repeat burglary victim", "Signs warning against fly-tipping", "Litter picking equipment for volunteers",
    ];
}
