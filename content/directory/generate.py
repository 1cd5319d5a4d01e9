#!/usr/bin/env python3
"""Generate the Exampleshire demo service directory as one Open Referral UK feed file.

Produces ``exampleshire.json`` next to this script: a single JSON object

    {"taxonomies": [...], "taxonomy_terms": [...], "organizations": [...], "services": [...]}

shaped by the Open Referral UK profile of HSDS version 3 (schemas in
/work/shared/reference/oruk-v3/). Each service is a full nested ORUK service (schedules,
service areas, service_at_locations with location, address and accessibility, languages,
cost options, contacts, funding and attributes, each attribute carrying its nested
taxonomy_term). Organisations are listed once, without nested services; services point to
them with ``organization_id``.

Three taxonomies:
  * exampleshire-adult-outcomes - the 10 outcomes of SI 2015/313 reg 2(2); term ``code`` is
    the portal's API code (app/src/domain/outcomes.rs), e.g. "nutrition";
  * exampleshire-carer-outcomes - the 8 outcomes of reg 3(2)(b); code "carer:<code>";
  * exampleshire-service-types - what kind of service it is; code is a slug, e.g. "lunch-club".

Everything is fictional: the county, towns, organisations, people and addresses. Web
addresses use .example.org, e-mail addresses @example.org, and phone numbers come from
Ofcom's drama range 01632 960100-960998 (960000 and 960999 are the council's own lines).

Deterministic: standard library only, no randomness. Every id is uuid5 of a readable key
under one fixed namespace, so ids survive reordering and extension. Review dates, times
and map offsets come from a SHA-256 hash of the service or venue key.

To extend: add a venue to VENUES, an organisation to ORGANISATIONS, or a service to
SERVICES (see the field notes above SERVICES), then run ``python3 generate.py``.
"""

import datetime
import hashlib
import json
import pathlib
import uuid

OUTPUT = pathlib.Path(__file__).with_name("exampleshire.json")

# One fixed namespace for every id in the feed (itself a uuid5 of a fixed name).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "directory.exampleshire.example.org")

COUNTY = "Exampleshire"
ASSURER_EMAIL = "directory.team@example.org"

# "Last reviewed" dates. About one in five services falls in the older window, so the site
# can show "review due" (reviewed more than a year before 22 November 2026).
OLDER_REVIEW = (datetime.date(2025, 3, 1), datetime.date(2025, 11, 21))
RECENT_REVIEW = (datetime.date(2025, 11, 22), datetime.date(2026, 11, 15))
PRICES_VALID_FROM = "2025-04-01"


def uid(kind, *keys):
    """A stable UUID for an entity of this kind with these keys."""
    return str(uuid.uuid5(NAMESPACE, "/".join(("exampleshire-directory", kind) + keys)))


def stable_int(*keys):
    """A stable non-negative integer derived from the keys (used instead of randomness)."""
    digest = hashlib.sha256("/".join(keys).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


# ---------------------------------------------------------------------------------------
# Taxonomies
# ---------------------------------------------------------------------------------------

ADULT_TAXONOMY = "exampleshire-adult-outcomes"
CARER_TAXONOMY = "exampleshire-carer-outcomes"
TYPE_TAXONOMY = "exampleshire-service-types"

TAXONOMIES = [
    (ADULT_TAXONOMY,
     "The ten outcomes in the Care and Support (Eligibility Criteria) Regulations 2015 "
     "(SI 2015/313) regulation 2(2) that an adult may be unable to achieve. A service tagged "
     "with an outcome helps people with that part of daily life."),
    (CARER_TAXONOMY,
     "The eight outcomes in the Care and Support (Eligibility Criteria) Regulations 2015 "
     "(SI 2015/313) regulation 3(2)(b) that an unpaid carer may be unable to achieve. A "
     "service tagged with an outcome helps carers with it."),
    (TYPE_TAXONOMY,
     "What kind of community or preventative service this is, for browsing and filtering "
     "the Exampleshire directory."),
]

# (code, name, description). Names match the labels residents see in the portal's forms.
ADULT_OUTCOMES = [
    ("nutrition", "Getting and preparing food and drink",
     "Managing and maintaining nutrition (SI 2015/313 reg 2(2)(a)): having enough to eat "
     "and drink, shopping for food and preparing meals."),
    ("personal_hygiene", "Washing themselves and their clothes",
     "Maintaining personal hygiene (reg 2(2)(b)): washing, bathing and keeping clothes clean."),
    ("toilet_needs", "Using the toilet",
     "Managing toilet needs (reg 2(2)(c)): getting to and using the toilet, continence."),
    ("being_clothed", "Getting dressed",
     "Being appropriately clothed (reg 2(2)(d)): dressing and choosing suitable clothes."),
    ("home_safety", "Moving around the home safely",
     "Being able to make use of the home safely (reg 2(2)(e)): moving around, getting in and "
     "out, avoiding falls, getting help in an emergency."),
    ("habitable_home", "Keeping the home clean and safe to live in",
     "Maintaining a habitable home environment (reg 2(2)(f)): keeping the home clean, warm, "
     "in good repair and with bills paid."),
    ("relationships", "Keeping in touch with family and friends",
     "Developing and maintaining family or other personal relationships (reg 2(2)(g)): "
     "company, friendship and avoiding loneliness."),
    ("work_training_education_volunteering", "Work, training, education or volunteering",
     "Accessing and engaging in work, training, education or volunteering (reg 2(2)(h))."),
    ("community_services", "Getting out and about, and using local places such as shops and buses",
     "Making use of necessary facilities or services in the local community, including "
     "public transport and recreational facilities or services (reg 2(2)(i))."),
    ("caring_for_child", "Looking after a child",
     "Carrying out any caring responsibilities the adult has for a child (reg 2(2)(j))."),
]

CARER_OUTCOMES = [
    ("caring_for_child", "Looking after a child",
     "Carrying out caring responsibilities the carer has for a child (SI 2015/313 reg "
     "3(2)(b)(i))."),
    ("caring_for_others", "Caring for other people",
     "Providing care to other persons for whom the carer provides care (reg 3(2)(b)(ii))."),
    ("habitable_home", "Keeping your own home clean and safe to live in",
     "Maintaining a habitable home environment in the carer's home (reg 3(2)(b)(iii))."),
    ("nutrition", "Eating well yourself",
     "Managing and maintaining the carer's own nutrition (reg 3(2)(b)(iv))."),
    ("relationships", "Keeping in touch with family and friends",
     "Developing and maintaining family or other personal relationships (reg 3(2)(b)(v))."),
    ("work_training_education_volunteering", "Work, training, education or volunteering",
     "Engaging in work, training, education or volunteering (reg 3(2)(b)(vi))."),
    ("community_services", "Using local services and facilities",
     "Making use of necessary facilities or services in the local community, including "
     "recreational facilities or services (reg 3(2)(b)(vii))."),
    ("recreation", "Time for yourself and leisure activities",
     "Engaging in recreational activities (reg 3(2)(b)(viii)): breaks, hobbies and time "
     "away from caring."),
]

SERVICE_TYPES = [
    ("lunch-club", "Lunch clubs", "A hot meal in good company, usually once or twice a week."),
    ("befriending", "Befriending", "Regular friendly calls or visits from a volunteer."),
    ("carers-centre", "Carers' centres and support",
     "Information, advice, groups and a listening ear for unpaid carers."),
    ("carers-breaks", "Carers' breaks",
     "Sitting services, grants and other ways for carers to have time off."),
    ("falls-prevention", "Falls prevention",
     "Strength and balance, home checks and advice to prevent falls."),
    ("dementia-cafe", "Dementia cafés and memory groups",
     "Relaxed meetings for people living with memory problems and their families."),
    ("telecare", "Telecare and personal alarms",
     "Pendant alarms, sensors and a 24-hour response service."),
    ("handyperson", "Handyperson and small repairs",
     "Small repairs, fitting grab rails and key safes, and other odd jobs."),
    ("benefits-advice", "Benefits and money advice",
     "Checking benefits, help with forms, debts and bills."),
    ("community-transport", "Community transport",
     "Dial-a-ride, community car schemes and shopper buses."),
    ("day-opportunities", "Day opportunities",
     "Day centres and daytime activities, with support."),
    ("exercise-class", "Exercise and walking",
     "Gentle exercise, chair-based classes, walking groups and dance."),
    ("peer-support", "Peer support and social groups",
     "Groups run by and for people with shared experience."),
    ("information-and-advice", "Information and advice",
     "Advice, assessment and practical information."),
    ("home-from-hospital", "Home from hospital",
     "Short-term help to settle back at home after a hospital stay."),
    ("digital-skills", "Digital skills", "Help using phones, tablets, computers and the internet."),
    ("bereavement-support", "Bereavement support", "Support after someone has died."),
    ("food-bank", "Food banks and pantries", "Emergency food and low-cost food clubs."),
    ("warm-space", "Warm spaces", "Free, warm and welcoming places to spend the day."),
]

# ---------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------

# Town -> approximate centre (WGS84), used to place venues on a map.
TOWNS = {
    "Exampletown": (50.7600, -3.5200),
    "Northby": (50.9000, -3.5400),
    "Southwick": (50.6400, -3.4800),
    "Eastham": (50.7700, -3.3000),
    "Westbury": (50.7500, -3.7800),
    "Millford": (50.8600, -3.4000),
    "Kingsbridge Vale": (50.6600, -3.7200),
}

STEP_FREE = "Step-free access and an accessible toilet."
LOOP = "Hearing loop in the main hall."
PARKING = "Blue Badge parking next to the entrance."

# key -> (location name, address_1, town, postcode, [accessibility descriptions])
VENUES = {
    # Exampletown (EX1, EX2)
    "county-hall": ("County Hall", "Queen Street", "Exampletown", "EX1 1AA",
                    [STEP_FREE, LOOP, "Lift to all floors."]),
    "et-library": ("Exampletown Central Library", "12 Market Square", "Exampletown", "EX1 2BT",
                   [STEP_FREE, "Large-print and audio books, and a magnifier on every computer."]),
    "et-st-marys": ("St Mary's Church Hall", "4 Church Lane", "Exampletown", "EX1 3DF",
                    [STEP_FREE, LOOP]),
    "et-carers": ("Carers Together Centre", "27 Wellington Road", "Exampletown", "EX2 4HU",
                  [STEP_FREE, "Quiet room available on request."]),
    "et-hospital": ("Exampletown Community Hospital", "Orchard Lane", "Exampletown", "EX2 5NQ",
                    [STEP_FREE, PARKING, "Wheelchairs available at main reception."]),
    "et-beacon": ("The Beacon Centre", "8 Fore Street", "Exampletown", "EX1 4PL", []),
    "et-ilc": ("Independent Living Centre", "Unit 3, Riverside Business Park, Wharf Road",
               "Exampletown", "EX2 6RJ", [STEP_FREE, PARKING]),
    "et-lifeline": ("Lifeline Control Centre", "Unit 7, Riverside Business Park, Wharf Road",
                    "Exampletown", "EX2 6RJ", []),
    "et-agewell": ("Age Well House", "55 Victoria Street", "Exampletown", "EX1 2EW",
                   [STEP_FREE, LOOP]),
    "et-oakwood": ("Oakwood Day Centre", "9 Oakwood Close", "Exampletown", "EX2 7TS",
                   [STEP_FREE, PARKING, "Secure garden and dementia-friendly signs."]),
    "et-advice": ("Advice Exampleshire", "2 Guildhall Walk", "Exampletown", "EX1 1HG",
                  ["Ground-floor interview rooms.", LOOP]),
    "et-opendoor": ("Open Door Centre", "41 Tanner's Row", "Exampletown", "EX1 3QB", []),
    "et-remember": ("Remember Together", "15 Lavender Row", "Exampletown", "EX2 3PF", []),
    "et-transport": ("Community Transport Depot", "Unit 1, Wharf Road", "Exampletown", "EX2 6RL",
                     []),
    "et-clearview": ("Clearview Sight Centre", "6 Lantern Yard", "Exampletown", "EX2 3PG",
                     [STEP_FREE, "High-contrast signs and tactile floor markings."]),
    # Northby (EX3)
    "nb-community": ("Northby Community Centre", "Station Road", "Northby", "EX3 8AB",
                     [STEP_FREE, LOOP, PARKING]),
    "nb-st-aldhelm": ("St Aldhelm's Church", "High Street", "Northby", "EX3 8DH",
                      ["Ramp at the north door."]),
    "nb-polish": ("Polish Community Club", "14 Mill Street", "Northby", "EX3 9LN", []),
    "nb-library": ("Northby Library", "The Parade", "Northby", "EX3 8FE", [STEP_FREE]),
    "nb-neighbours": ("Good Neighbours Office", "3 Bridge Street", "Northby", "EX3 8GR", []),
    # Southwick (EX4)
    "sw-methodist": ("Southwick Methodist Hall", "22 Harbour Road", "Southwick", "EX4 2JX",
                     [STEP_FREE, LOOP]),
    "sw-leisure": ("Southwick Leisure Centre", "Seafield Avenue", "Southwick", "EX4 3NW",
                   [STEP_FREE, PARKING, "Pool hoist and accessible changing room."]),
    "sw-larder": ("Southwick Community Larder", "Unit 5, Quay Yard", "Southwick", "EX4 2PA", []),
    "sw-sports": ("Southwick Sports and Social Club", "Marine Parade", "Southwick", "EX4 3RS",
                  [STEP_FREE]),
    "sw-health": ("Southwick Health Centre", "Park Lane", "Southwick", "EX4 4BU",
                  [STEP_FREE, PARKING]),
    # Eastham (EX5)
    "eh-hub": ("Eastham Community Hub", "60 Broad Street", "Eastham", "EX5 1LT",
               [STEP_FREE, LOOP, "Changing Places toilet."]),
    "eh-sanjha": ("Sanjha Centre", "17 Albert Road", "Eastham", "EX5 2DN", [STEP_FREE]),
    "eh-shed": ("The Shed", "Allotment Lane", "Eastham", "EX5 3HW",
                ["Level gravel path from the car park; ground-floor workshop."]),
    # Westbury (EX6)
    "wb-resource": ("Westbury Resource Centre", "Foundry Way", "Westbury", "EX6 4PB",
                    [STEP_FREE, PARKING, "Ceiling hoist and sensory room."]),
    "wb-shed": ("Westbury Men's Shed", "Old Dairy Yard, Mill Lane", "Westbury", "EX6 5SU", []),
    "wb-hear": ("Hear Together Centre", "7 King Street", "Westbury", "EX6 4AD",
                [LOOP, "Staff and volunteers who use British Sign Language."]),
    "wb-town-hall": ("Westbury Town Hall", "The Square", "Westbury", "EX6 4BG",
                     [STEP_FREE, LOOP]),
    "wb-volunteer": ("Westbury Volunteer Centre", "3 Market Place", "Westbury", "EX6 4DJ", []),
    # Millford (EX7)
    "mf-community": ("Millford Community Association Hall", "Riverside Walk", "Millford",
                     "EX7 6QE", [STEP_FREE, LOOP, PARKING]),
    "mf-rootstock": ("Rootstock Gardens", "Hollow Lane", "Millford", "EX7 8TA",
                     ["Raised beds and firm paths; accessible toilet in the potting shed."]),
    "mf-library": ("Millford Library and Information Point", "1 Bank Street", "Millford",
                   "EX7 6JL", [STEP_FREE]),
    "mf-enterprise": ("Millford Enterprise Centre", "Unit 12, Tannery Lane", "Millford",
                      "EX7 7GH", []),
    "mf-lantern": ("Lantern House", "4 Abbey Close", "Millford", "EX7 6LW",
                   ["Ground-floor counselling room."]),
    # Kingsbridge Vale (EX8, EX9)
    "kv-village-hall": ("Kingsbridge Vale Village Hall", "The Green", "Kingsbridge Vale",
                        "EX8 2LB", [STEP_FREE, PARKING]),
    "kv-st-annes": ("St Anne's Church Room", "Church Road", "Kingsbridge Vale", "EX8 3HP", []),
    "kv-old-school": ("The Old School", "School Lane", "Kingsbridge Vale", "EX8 1DU",
                      [STEP_FREE]),
    "kv-memorial-hall": ("Lower Vale Memorial Hall", "Long Lane, Lower Vale", "Kingsbridge Vale",
                         "EX9 6NJ", ["Ramp at the side entrance."]),
}

# ---------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------

# key -> dict(name, description, domain (web host), email (local part @example.org),
#             phone (first number of the block of ten its services use), parent (org key))
ORGANISATIONS = {
    "ecc": dict(
        name="Exampleshire County Council",
        description="The county council for Exampleshire. Its adult social care teams give "
                    "information and advice, assess needs and arrange support for adults and "
                    "unpaid carers.",
        domain="exampleshire-council.example.org", email="adultcare", phone=960100),
    "ecc-lifeline": dict(
        name="Exampleshire Lifeline",
        description="The council's telecare service: personal alarms, sensors and a control "
                    "centre that answers calls 24 hours a day.",
        domain="lifeline.exampleshire-council.example.org", email="lifeline", phone=960110,
        parent="ecc"),
    "ecc-day": dict(
        name="Exampleshire Day Opportunities Service",
        description="The council's own day services for adults with learning disabilities, "
                    "physical disabilities and older people.",
        domain="dayops.exampleshire-council.example.org", email="dayopportunities",
        phone=960120, parent="ecc"),
    "ecc-libraries": dict(
        name="Exampleshire Libraries",
        description="Public libraries across Exampleshire, offering books, computers, "
                    "digital help and warm, welcoming spaces.",
        domain="libraries.exampleshire-council.example.org", email="libraries", phone=960130,
        parent="ecc"),
    "ecc-welfare": dict(
        name="Exampleshire Welfare Rights Team",
        description="The council's specialist benefits advisers for disabled people, older "
                    "people and carers.",
        domain="welfarerights.exampleshire-council.example.org", email="welfarerights",
        phone=960140, parent="ecc"),
    "ecc-reablement": dict(
        name="Exampleshire Home Reablement Team",
        description="Therapists and support workers who help people regain skills and "
                    "confidence at home after illness or a hospital stay.",
        domain="reablement.exampleshire-council.example.org", email="reablement",
        phone=960150, parent="ecc"),
    "nhs": dict(
        name="Exampleshire Community Health NHS Trust",
        description="The NHS trust providing community nursing, therapy and specialist "
                    "clinics in Exampleshire.",
        domain="exampleshire-community-health.example.org", email="ech.enquiries",
        phone=960160),
    "agewell": dict(
        name="Age Well Exampleshire",
        description="A local charity for older people, running lunch clubs, befriending, "
                    "advice and home from hospital support across the county.",
        domain="agewell-exampleshire.example.org", email="agewell", phone=960170),
    "carers": dict(
        name="Carers Together Exampleshire",
        description="The county's carers' centre: a charity supporting unpaid carers aged 18 "
                    "and over with advice, groups, training and breaks.",
        domain="carerstogether.example.org", email="carerstogether", phone=960180),
    "remember": dict(
        name="Remember Together Exampleshire",
        description="A dementia charity running memory cafés, singing groups and dementia "
                    "support advisers for people with memory problems and their families.",
        domain="remembertogether.example.org", email="remembertogether", phone=960190),
    "transport": dict(
        name="Exampleshire Community Transport Association",
        description="A charity providing door-to-door dial-a-ride and shopper buses for "
                    "people who find it hard to use ordinary buses.",
        domain="exampleshire-ct.example.org", email="communitytransport", phone=960200),
    "vale-cars": dict(
        name="Kingsbridge Vale Community Car Scheme",
        description="Volunteer drivers taking Kingsbridge Vale residents to medical "
                    "appointments, shops and visits.",
        domain="valecars.example.org", email="valecars", phone=960210),
    "northby-neighbours": dict(
        name="Northby Good Neighbours",
        description="A village volunteer group offering friendly visits, lifts, shopping and "
                    "small jobs for Northby residents.",
        domain="northby-neighbours.example.org", email="northbyneighbours", phone=960220),
    "polish": dict(
        name="Northby Polish Community Association",
        description="A community association for Polish-speaking residents of Exampleshire, "
                    "with a seniors' club, advice sessions and volunteer befrienders.",
        domain="polish-northby.example.org", email="polishnorthby", phone=960230),
    "sanjha": dict(
        name="Eastham Sanjha Elders Group",
        description="A community group for South Asian older people and carers in Eastham, "
                    "with lunches, activities and support in Punjabi, Urdu and English.",
        domain="sanjha-eastham.example.org", email="sanjha", phone=960240),
    "advice": dict(
        name="Advice Exampleshire",
        description="An independent advice charity giving free, confidential help with "
                    "benefits, debt, housing and energy bills.",
        domain="advice-exampleshire.example.org", email="advice", phone=960250),
    "safe-at-home": dict(
        name="Safe at Home Exampleshire CIC",
        description="A community interest company doing small repairs, adaptations and home "
                    "safety checks for older and disabled people.",
        domain="safeathome.example.org", email="safeathome", phone=960260),
    "active": dict(
        name="Active Exampleshire",
        description="A not-for-profit leisure and wellbeing trust running leisure centres, "
                    "strength and balance classes and gentle exercise across the county.",
        domain="active-exampleshire.example.org", email="activeexampleshire", phone=960270),
    "vale-strollers": dict(
        name="Vale Strollers Walking Group",
        description="A volunteer-led walking group in Kingsbridge Vale for people who want "
                    "short, sociable walks at an easy pace.",
        domain="valestrollers.example.org", email="valestrollers", phone=960280),
    "eastham-shed": dict(
        name="Eastham Men's Shed",
        description="A community workshop where people, mostly older men, make, mend and "
                    "chat together.",
        domain="easthamshed.example.org", email="easthamshed", phone=960290),
    "westbury-shed": dict(
        name="Westbury Men's Shed",
        description="A community workshop in Westbury for woodwork, repairs and company.",
        domain="westburyshed.example.org", email="westburyshed", phone=960300),
    "et-foodbank": dict(
        name="Exampletown Food Bank",
        description="A charity giving emergency food parcels to people referred by local "
                    "agencies, churches and advice services.",
        domain="exampletown-foodbank.example.org", email="exampletownfoodbank",
        phone=960310),
    "sw-larder": dict(
        name="Southwick Community Larder",
        description="A membership food club cutting food waste and the cost of the weekly shop.",
        domain="southwick-larder.example.org", email="southwicklarder", phone=960320),
    "vale-pantry": dict(
        name="Kingsbridge Vale Community Pantry",
        description="A volunteer-run pantry and warm space at St Anne's Church.",
        domain="valepantry.example.org", email="valepantry", phone=960330),
    "lantern": dict(
        name="Lantern Bereavement Support Exampleshire",
        description="A charity offering support groups and one-to-one support to adults who "
                    "have been bereaved.",
        domain="lantern-bereavement.example.org", email="lantern", phone=960340),
    "opendoor": dict(
        name="Open Door Peer Support Exampleshire",
        description="A mental health charity run by people with lived experience, offering "
                    "peer support groups, wellbeing courses and volunteering.",
        domain="opendoor-exampleshire.example.org", email="opendoor", phone=960350),
    "friends-futures": dict(
        name="Exampleshire Friends and Futures",
        description="A charity for adults with learning disabilities and their families: "
                    "social clubs, travel training and parenting support.",
        domain="friendsandfutures.example.org", email="friendsandfutures", phone=960360),
    "rootstock": dict(
        name="Rootstock Gardens CIC",
        description="A social enterprise market garden offering supported day opportunities "
                    "and work experience.",
        domain="rootstockgardens.example.org", email="rootstock", phone=960370),
    "clearview": dict(
        name="Clearview Sight Support Exampleshire",
        description="A charity for people with sight loss: advice, rehabilitation, equipment "
                    "and social groups.",
        domain="clearview-sight.example.org", email="clearview", phone=960380),
    "hear": dict(
        name="Hear Together Exampleshire",
        description="A charity for deaf people and people with hearing loss, including a BSL "
                    "social club and hearing aid drop-ins.",
        domain="heartogether.example.org", email="heartogether", phone=960390),
    "stroke": dict(
        name="Exampleshire Stroke Survivors Club",
        description="A peer support club for people who have had a stroke and their families.",
        domain="strokeclub-exampleshire.example.org", email="strokeclub", phone=960400),
    "parkinsons": dict(
        name="Exampleshire Parkinson's Support Group",
        description="A volunteer group for people with Parkinson's, their partners and carers.",
        domain="parkinsons-exampleshire.example.org", email="parkinsonsgroup", phone=960410),
    "millford-ca": dict(
        name="Millford Community Association",
        description="The charity that runs Millford's community hall, with a warm space, "
                    "lunches and social events.",
        domain="millford-ca.example.org", email="millfordca", phone=960420),
    "eastham-hub": dict(
        name="Eastham Community Hub",
        description="A community centre in the middle of Eastham hosting warm spaces, "
                    "digital help and health groups.",
        domain="easthamhub.example.org", email="easthamhub", phone=960430),
    "st-aldhelm": dict(
        name="St Aldhelm's Church, Northby",
        description="The parish church in Northby, which opens its doors as a warm space "
                    "through the colder months.",
        domain="staldhelms-northby.example.org", email="staldhelms", phone=960440),
    "southwick-friends": dict(
        name="Southwick Friendship Club",
        description="A volunteer-run club for older people in Southwick, meeting for lunch "
                    "every week since 1987.",
        domain="southwick-friendship.example.org", email="southwickfriendship", phone=960450),
    "oakwood": dict(
        name="Oakwood Dementia Day Care",
        description="A charity running a specialist day centre for people living with "
                    "dementia, giving family carers a regular break.",
        domain="oakwood-daycare.example.org", email="oakwood", phone=960460),
    "homeward": dict(
        name="Homeward Volunteers",
        description="Volunteers who help people in the west of the county settle back at "
                    "home after a hospital stay.",
        domain="homeward-volunteers.example.org", email="homeward", phone=960470),
    "tech-buddies": dict(
        name="Westbury Tech Buddies",
        description="Volunteers helping people in Westbury get online and use their devices "
                    "with confidence.",
        domain="westbury-techbuddies.example.org", email="techbuddies", phone=960480),
    "vale-lunches": dict(
        name="Kingsbridge Vale Village Lunches",
        description="A volunteer lunch club for older people in Kingsbridge Vale and Lower Vale.",
        domain="valelunches.example.org", email="valelunches", phone=960490),
    "ilc": dict(
        name="Independent Living Exampleshire",
        description="A charity running the county's Independent Living Centre, where people "
                    "can see and try daily living equipment with expert advice.",
        domain="independentliving-exampleshire.example.org", email="independentliving",
        phone=960500),
}

# ---------------------------------------------------------------------------------------
# Schedules
# ---------------------------------------------------------------------------------------

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
WEEK = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}
WEEKDAYS = "MO,TU,WE,TH,FR"


def weekly(byday, opens, closes, note="", at=None):
    """Every week on these days (RFC 5545 BYDAY codes, e.g. "MO,WE")."""
    return dict(freq="WEEKLY", byday=byday, opens=opens, closes=closes, note=note, at=at)


def fortnightly(byday, opens, closes, dtstart, note="", at=None):
    """Every other week, counting from the date of the first session."""
    return dict(freq="WEEKLY", interval=2, dtstart=dtstart, byday=byday, opens=opens,
                closes=closes, note=note, at=at)


def monthly(byday, opens, closes, note="", at=None):
    """Monthly on ordinal weekdays, e.g. "1MO,3MO" (first and third Monday), "-1FR" (last)."""
    return dict(freq="MONTHLY", byday=byday, opens=opens, closes=closes, note=note, at=at)


def join_words(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def clock(hhmm):
    """'09:30' -> '9:30am', '14:00' -> '2pm', '12:00' -> 'midday' (GOV.UK style)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def describe_days(spec):
    codes = spec["byday"].split(",")
    if spec["freq"] == "MONTHLY":
        parts = [(code[:-2], code[-2:]) for code in codes]
        days = {day for _, day in parts}
        if len(days) == 1:
            ordinals = join_words([ORDINALS[n] for n, _ in parts])
            text = f"{ordinals} {DAY_NAMES[parts[0][1]]} of each month"
        else:
            text = join_words([f"{ORDINALS[n]} {DAY_NAMES[d]}" for n, d in parts]) + \
                " of each month"
        return text[0].upper() + text[1:]
    if spec.get("interval") == 2:
        return "Every other " + join_words([DAY_NAMES[c] for c in codes])
    if codes == WEEK:
        return "Every day"
    if len(codes) >= 3 and codes == WEEK[WEEK.index(codes[0]):WEEK.index(codes[0]) + len(codes)]:
        return f"{DAY_NAMES[codes[0]]} to {DAY_NAMES[codes[-1]]}"
    return join_words([DAY_NAMES[c] + "s" for c in codes])


def describe_schedule(spec):
    if (spec["opens"], spec["closes"]) == ("00:00", "23:59"):
        times = "24 hours a day"
    else:
        times = f"{clock(spec['opens'])} to {clock(spec['closes'])}"
    text = f"{describe_days(spec)}, {times}."
    return f"{text} {spec['note']}" if spec["note"] else text


# ---------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------

FREE = ("Free", 0, "No charge")


def per(option, amount, description):
    """A priced cost option, e.g. per("Per meal", 4.5, "Two-course lunch")."""
    return (option, amount, description)


# Each service is a dict:
#   slug      unique key (ids, URL path)      org      key in ORGANISATIONS
#   name      public name                     type     service-type code
#   outcomes  1-4 outcome codes: adult codes as in the portal, carer codes as "carer:<code>"
#   desc      2-4 plain-English sentences     at       venue keys (first one is the main one)
#   sched     list of weekly/fortnightly/monthly(...)
#   cost      list of FREE / per(...)         fees     free text (default: built from cost)
#   ages      (minimum, maximum or None) or None    langs   extra languages besides English
#   areas     service area names (default: town of the first venue)
#   attend    how people use it (schedule attending_type), default "In person"
#   contact   (name, job title)               funding  funding source text
#   status    default "active"                alert    short-term notice
SERVICES = [
    # --- Exampleshire County Council and its teams -----------------------------------
    dict(slug="community-connectors", org="ecc", name="Community Connectors",
         type="information-and-advice",
         outcomes=["relationships", "community_services", "work_training_education_volunteering"],
         desc="Community Connectors help you find groups, activities and support near you, "
              "so you can keep doing the things that matter to you. They can talk things "
              "through on the phone or meet you at home or somewhere local. You do not need "
              "a social care assessment to use the service.",
         at=["county-hall"], areas=[COUNTY], attend="By phone, at home or at a local venue",
         sched=[weekly(WEEKDAYS, "09:00", "17:00", "Closed on bank holidays.")],
         cost=[FREE], ages=(18, None), contact=("Priya Sharma", "Community Connector Lead")),
    dict(slug="shared-lives", org="ecc", name="Shared Lives Exampleshire",
         type="day-opportunities",
         outcomes=["relationships", "community_services", "nutrition", "carer:recreation"],
         desc="Shared Lives matches adults who need support with approved Shared Lives carers, "
              "who welcome them into their family life for the day, for short breaks or to "
              "live. It suits people with learning disabilities, autism, dementia or mental "
              "health needs. A social worker arranges it after an assessment.",
         at=["county-hall"], areas=[COUNTY],
         sched=[weekly(WEEKDAYS, "09:00", "17:00", "Office hours; support itself is arranged around each person.")],
         cost=[("Financially assessed", None,
                "You may pay towards this after a financial assessment under the council's "
                "charging policy")],
         fees="You may need to pay towards this. The council will work out what you can "
              "afford after a financial assessment.",
         ages=(18, None), funding="Exampleshire County Council adult social care"),
    dict(slug="lifeline-alarm", org="ecc-lifeline", name="Lifeline personal alarm",
         type="telecare", outcomes=["home_safety", "carer:caring_for_others"],
         desc="A pendant or wrist alarm you press if you fall or feel unwell at home. It "
              "connects you to the Lifeline control centre, which calls your family, a "
              "responder or an ambulance. An installer sets it up and shows you how it works.",
         at=["et-lifeline"], areas=[COUNTY], attend="At home",
         sched=[weekly("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59",
                       "Alarm calls are answered at any time, including bank holidays.")],
         cost=[per("Per week", 4.85, "Alarm, pendant and 24-hour monitoring"),
               per("Installation", 0, "No charge")],
         ages=(18, None)),
    dict(slug="telecare-sensors", org="ecc-lifeline", name="Telecare sensors and falls detectors",
         type="telecare", outcomes=["home_safety", "toilet_needs", "carer:caring_for_others",
                                    "carer:recreation"],
         desc="Sensors that raise an alert automatically, such as falls detectors, bed and "
              "chair sensors, door sensors for people who may walk with purpose at night, and "
              "smoke and flood detectors. They can alert the control centre or a carer's "
              "pager, so family carers can rest or go out knowing help will come.",
         at=["et-lifeline"], areas=[COUNTY], attend="At home",
         sched=[weekly("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59",
                       "Installations Monday to Friday.")],
         cost=[per("First six weeks after hospital", 0, "Free during reablement"),
               per("Per week", 6.20, "Sensors, alarm and monitoring")],
         ages=(18, None)),
    dict(slug="westbury-day-opportunities", org="ecc-day",
         name="Westbury Resource Centre day opportunities", type="day-opportunities",
         outcomes=["relationships", "community_services", "work_training_education_volunteering",
                   "carer:recreation"],
         desc="Day opportunities for adults with learning or physical disabilities, with "
              "art, cooking, gardening, sensory sessions and trips out. Staff help people "
              "build skills and friendships, and families get a regular break.",
         at=["wb-resource"], areas=["Westbury", "Kingsbridge Vale"],
         sched=[weekly(WEEKDAYS, "09:30", "15:30")],
         cost=[per("Per day", 48.50, "Maximum daily charge, subject to a financial assessment")],
         ages=(18, None), contact=("Tom Wheeler", "Centre Manager")),
    dict(slug="eastham-community-day-service", org="ecc-day",
         name="Eastham community day service", type="day-opportunities",
         outcomes=["nutrition", "personal_hygiene", "relationships", "carer:recreation"],
         desc="A day service for older people who are isolated or need some help, with a hot "
              "lunch, activities and company. Assisted bathing is available by arrangement. "
              "Staff speak Punjabi and Urdu as well as English.",
         at=["eh-hub"], langs=["pa", "ur"],
         sched=[weekly("TU,TH", "10:00", "15:00", "Transport can be arranged.")],
         cost=[per("Per day", 32.00, "Including lunch, subject to a financial assessment")],
         ages=(65, None)),
    dict(slug="exampletown-digital-buddies", org="ecc-libraries",
         name="Digital Buddies at Exampletown Library", type="digital-skills",
         outcomes=["community_services", "relationships", "carer:work_training_education_volunteering"],
         desc="Friendly volunteers help you use your phone, tablet or laptop: video calls with "
              "family, online shopping, repeat prescriptions and staying safe from scams. "
              "Bring your own device or borrow one of ours.",
         at=["et-library"], sched=[weekly("WE", "10:00", "12:00", "No need to book.")],
         cost=[FREE], ages=(18, None)),
    dict(slug="northby-library-warm-welcome", org="ecc-libraries",
         name="Warm Welcome at Northby Library", type="warm-space",
         outcomes=["community_services", "relationships"],
         desc="A free, warm place to read, chat and have a hot drink, with newspapers, puzzles "
              "and wifi. Staff can help you find advice on energy bills.",
         at=["nb-library"], sched=[weekly("MO,WE,FR", "10:00", "16:00")], cost=[FREE]),
    dict(slug="home-library-service", org="ecc-libraries", name="Home library service",
         type="befriending", outcomes=["relationships", "community_services"],
         desc="Volunteers bring books, large-print books and audiobooks to people who cannot "
              "get to a library, and stay for a chat. You choose what you like to read and "
              "the volunteer picks titles for you each month.",
         at=["mf-library"], areas=[COUNTY], attend="At home",
         sched=[weekly(WEEKDAYS, "09:30", "16:30", "Visits every four weeks at a time that suits you.")],
         cost=[FREE], ages=(18, None)),
    dict(slug="millford-digital-drop-in", org="ecc-libraries",
         name="Millford Library digital drop-in", type="digital-skills",
         outcomes=["community_services", "work_training_education_volunteering"],
         desc="Drop in for help with computers and smartphones, job applications, Universal "
              "Credit journals and online forms. A Polish-speaking volunteer is there most weeks.",
         at=["mf-library"], langs=["pl"], sched=[weekly("FR", "14:00", "16:00")],
         cost=[FREE], ages=(18, None)),
    dict(slug="welfare-rights-advice", org="ecc-welfare", name="Welfare rights advice",
         type="benefits-advice",
         outcomes=["community_services", "habitable_home",
                   "carer:work_training_education_volunteering"],
         desc="Specialist advice on disability and carers' benefits such as Attendance "
              "Allowance, Personal Independence Payment and Carer's Allowance, including help "
              "with forms and appeals. Home visits are available if you cannot get out.",
         at=["county-hall"], areas=[COUNTY], attend="By phone or home visit",
         sched=[weekly("MO,TU,WE,TH", "09:00", "16:00")], cost=[FREE], ages=(18, None),
         langs=["bfi"]),
    dict(slug="home-reablement", org="ecc-reablement", name="Home reablement",
         type="home-from-hospital",
         outcomes=["personal_hygiene", "being_clothed", "nutrition", "home_safety"],
         desc="Up to six weeks of short-term help at home after illness or a hospital stay, to "
              "relearn everyday tasks such as washing, dressing and making meals. Therapists "
              "set goals with you and the team visits as often as you need.",
         at=["et-hospital"], areas=[COUNTY], attend="At home",
         sched=[weekly("MO,TU,WE,TH,FR,SA,SU", "07:30", "22:00")],
         cost=[per("Up to six weeks", 0, "Free for up to six weeks")], ages=(18, None),
         contact=("Grace Okafor", "Reablement Team Manager")),
    # --- NHS ---------------------------------------------------------------------------
    dict(slug="falls-prevention-service", org="nhs", name="Falls prevention service",
         type="falls-prevention", outcomes=["home_safety", "community_services"],
         desc="Physiotherapists and occupational therapists assess why you may be falling and "
              "offer a 12-week strength and balance programme, home hazard checks and advice "
              "on medicines and eyesight. Ask your GP or refer yourself by phone.",
         at=["et-hospital", "wb-town-hall"], areas=[COUNTY],
         sched=[weekly(WEEKDAYS, "09:00", "17:00", "Referral line.")],
         cost=[FREE], ages=(50, None), funding="NHS"),
    dict(slug="bladder-and-bowel-service", org="nhs", name="Bladder and bowel service",
         type="information-and-advice",
         outcomes=["toilet_needs", "personal_hygiene", "community_services"],
         desc="Specialist nurses help adults with bladder and bowel problems, including "
              "leaks, urgency and constipation. They offer assessment, treatment and advice on "
              "continence products, so you can go out with confidence.",
         at=["sw-health"], areas=[COUNTY],
         sched=[weekly("TU,TH", "09:00", "16:30", "Clinics by appointment.")],
         cost=[FREE], ages=(18, None), funding="NHS"),
    dict(slug="memory-assessment-service", org="nhs", name="Memory assessment and support service",
         type="information-and-advice",
         outcomes=["relationships", "community_services", "carer:caring_for_others"],
         desc="Assessment and diagnosis for people worried about their memory, with follow-up "
              "support and information for families. Your GP makes the referral.",
         at=["et-hospital"], areas=[COUNTY],
         sched=[weekly(WEEKDAYS, "09:00", "17:00")], cost=[FREE], ages=(18, None),
         langs=["pl", "pa", "ur"], funding="NHS"),
    # --- Age Well Exampleshire --------------------------------------------------------
    dict(slug="hello-neighbour-telephone-befriending", org="agewell",
         name="Hello Neighbour telephone befriending", type="befriending",
         outcomes=["relationships"],
         desc="A regular friendly phone call from a trained volunteer, at a time that suits "
              "you. Many people look forward to their weekly chat. Some volunteers speak "
              "Polish or Punjabi.",
         at=["et-agewell"], areas=[COUNTY], attend="By phone", langs=["pl", "pa"],
         sched=[weekly(WEEKDAYS, "10:00", "16:00", "Calls are arranged weekly.")],
         cost=[FREE], ages=(60, None)),
    dict(slug="exampletown-friendship-lunch-club", org="agewell",
         name="Exampletown Friendship Lunch Club", type="lunch-club",
         outcomes=["nutrition", "relationships", "community_services"],
         desc="A two-course hot lunch with tea or coffee, followed by a quiz, bingo or a "
              "visiting speaker. Special diets can be catered for if you tell us in advance. "
              "Transport can be booked through Dial-a-Ride.",
         at=["et-st-marys"], sched=[weekly("TU,TH", "12:00", "14:00")],
         cost=[per("Per meal", 4.50, "Two-course lunch with tea or coffee")], ages=(60, None),
         contact=("Maureen Blake", "Lunch Club Coordinator")),
    dict(slug="agewell-home-from-hospital", org="agewell", name="Home from Hospital",
         type="home-from-hospital",
         outcomes=["nutrition", "home_safety", "community_services", "carer:caring_for_others"],
         desc="Practical help for up to six weeks after you come home from hospital: a "
              "welcome-home visit, shopping, collecting prescriptions and checking you are "
              "warm and safe. Hospital staff, your GP, a carer or you can make the referral.",
         at=["et-agewell"], areas=[COUNTY], attend="At home",
         sched=[weekly(WEEKDAYS, "09:00", "17:00")],
         cost=[per("Up to six weeks", 0, "Free")], ages=(50, None),
         funding="Exampleshire County Council and NHS Exampleshire"),
    dict(slug="agewell-benefits-check", org="agewell", name="Benefits and money check",
         type="benefits-advice",
         outcomes=["community_services", "habitable_home", "carer:community_services"],
         desc="An adviser checks you are getting all the benefits and discounts you are "
              "entitled to, such as Pension Credit, Attendance Allowance and Council Tax "
              "Reduction, and helps you fill in the forms. If you cannot get to Age Well House, "
              "an adviser can visit you at home.",
         at=["et-agewell"], areas=[COUNTY], attend="In person, by phone or home visit",
         sched=[weekly(WEEKDAYS, "09:30", "16:00", "Appointments needed.")],
         cost=[FREE], ages=(60, None)),
    # --- Carers Together Exampleshire ------------------------------------------------
    dict(slug="carers-centre", org="carers", name="Carers' centre and helpline",
         type="carers-centre",
         outcomes=["carer:caring_for_others", "carer:relationships", "carer:recreation",
                   "carer:caring_for_child"],
         desc="If you look after someone, the carers' centre can help: information and advice, "
              "a listening ear, carers' groups, and help to ask the council for a carer's "
              "assessment. You can register as a carer and get a carers' emergency card.",
         at=["et-carers"], areas=[COUNTY], langs=["pl", "pa", "ur"],
         sched=[weekly(WEEKDAYS, "09:00", "17:00"), weekly("SA", "10:00", "13:00", "Helpline only.")],
         cost=[FREE], ages=(18, None), contact=("Helen Marsh", "Carers Support Manager")),
    dict(slug="carers-break-fund", org="carers", name="Carers' Break Fund",
         type="carers-breaks",
         outcomes=["carer:recreation", "carer:habitable_home", "carer:relationships"],
         desc="One-off grants of up to £300 for carers to have a break or do something for "
              "themselves, such as a short holiday, a course, gym membership or a cleaner "
              "for a few weeks. Apply through the carers' centre.",
         at=["et-carers"], areas=[COUNTY], attend="Apply by phone or online",
         sched=[weekly(WEEKDAYS, "09:00", "17:00")],
         cost=[per("To apply", 0, "Free to apply; grants up to £300")],
         fees="Free to apply. Grants of up to £300 a year.", ages=(18, None),
         funding="Exampleshire County Council carers' grant"),
    dict(slug="carers-sitting-service", org="carers", name="Sitting service for carers",
         type="carers-breaks",
         outcomes=["carer:recreation", "carer:caring_for_child", "carer:caring_for_others"],
         desc="A trained, DBS-checked sitter stays with the person you care for so you can go "
              "out, see friends, take children to school events or simply rest. Sits last two "
              "to four hours.",
         at=["et-carers"], areas=[COUNTY], attend="At home",
         sched=[weekly("MO,TU,WE,TH,FR,SA", "08:00", "20:00")],
         cost=[per("First four hours each month", 0, "Free"),
               per("Per hour", 6.00, "Additional hours")],
         ages=(18, None)),
    dict(slug="young-adult-carers-group", org="carers", name="Young adult carers group",
         type="peer-support",
         outcomes=["carer:relationships", "carer:work_training_education_volunteering",
                   "carer:recreation"],
         desc="A group for carers aged 18 to 25 to meet others in the same situation, have "
              "fun and get help with college, university and work. Carers under 18 are "
              "supported by the young carers service instead.",
         at=["et-carers"], areas=[COUNTY],
         sched=[monthly("2WE,4WE", "17:30", "19:30")], cost=[FREE], ages=(18, 25)),
    dict(slug="kingsbridge-vale-carers-cafe", org="carers", name="Kingsbridge Vale carers' café",
         type="carers-centre",
         outcomes=["carer:nutrition", "carer:relationships", "carer:recreation"],
         desc="A monthly café where carers can have a free lunch, a chat and a bit of time for "
              "themselves. A carers' support worker is there to answer questions.",
         at=["kv-old-school"], sched=[monthly("1TU", "10:30", "13:00")],
         cost=[per("Lunch", 0, "Free lunch; donations welcome")], ages=(18, None)),
    dict(slug="carers-in-work", org="carers", name="Carers in Work advice",
         type="information-and-advice",
         outcomes=["carer:work_training_education_volunteering", "carer:community_services"],
         desc="Advice for carers who want to stay in work, return to work or start training, "
              "including your right to ask for flexible working and carer's leave. We can also "
              "talk to your employer with you.",
         at=["et-carers"], areas=[COUNTY], attend="By phone, video call or in person",
         sched=[weekly("TU,TH", "09:00", "19:00", "Evening appointments available.")],
         cost=[FREE], ages=(18, None)),
    dict(slug="kinship-carers-group", org="carers", name="Kinship carers group",
         type="peer-support",
         outcomes=["caring_for_child", "carer:caring_for_child", "relationships",
                   "carer:relationships"],
         desc="A friendly group for grandparents and other relatives bringing up a child whose "
              "parents cannot care for them. Share experiences, get advice on allowances and "
              "school matters, and meet people who understand.",
         at=["sw-methodist"], areas=[COUNTY],
         sched=[monthly("3TH", "10:00", "12:00", "Term time only.")], cost=[FREE],
         ages=(18, None)),
    dict(slug="confident-caring-course", org="carers", name="Confident Caring course",
         type="carers-centre",
         outcomes=["carer:caring_for_others", "carer:nutrition",
                   "carer:work_training_education_volunteering"],
         desc="A free six-week course for carers covering moving and handling, managing "
              "medicines, eating well on a budget, and looking after your own health. "
              "Replacement care can be arranged so you can attend.",
         at=["nb-community"], areas=[COUNTY],
         sched=[weekly("WE", "10:00", "12:30", "Six-week courses start in January, April and September.")],
         cost=[FREE], ages=(18, None)),
    # --- Remember Together (dementia) ------------------------------------------------
    dict(slug="northby-memory-cafe", org="remember", name="Northby Memory Café",
         type="dementia-cafe",
         outcomes=["relationships", "community_services", "carer:relationships",
                   "carer:caring_for_others"],
         desc="A relaxed café for people living with dementia or memory problems and the "
              "people who care for them. Enjoy tea and cake, music and reminiscence, and talk "
              "to a dementia support adviser.",
         at=["nb-community"], sched=[monthly("1MO,3MO", "14:00", "16:00")],
         cost=[per("Per visit", 0, "Free; donations welcome")], ages=(18, None)),
    dict(slug="westbury-memory-cafe", org="remember", name="Westbury Memory Café",
         type="dementia-cafe",
         outcomes=["relationships", "community_services", "carer:relationships"],
         desc="A monthly memory café with activities, a singalong and a chance for carers to "
              "chat with others in the same position. Everyone is welcome, with or without a "
              "diagnosis.",
         at=["wb-town-hall"], sched=[monthly("2WE", "10:30", "12:30")],
         cost=[per("Per visit", 0, "Free; donations welcome")], ages=(18, None)),
    dict(slug="kingsbridge-vale-memory-cafe", org="remember",
         name="Kingsbridge Vale Memory Café", type="dementia-cafe",
         outcomes=["relationships", "carer:relationships", "carer:recreation"],
         desc="A friendly monthly café for people with memory problems and their families, "
              "with gentle activities and a light lunch. Carers can stay with the person they "
              "care for or take a break in the room next door.",
         at=["kv-village-hall"], sched=[monthly("-1FR", "11:00", "13:30")],
         cost=[per("Per visit", 2.00, "Including a light lunch")], ages=(18, None),
         status="temporarily closed",
         alert="Closed while the village hall is refurbished. We plan to reopen in January "
               "2027; Westbury Memory Café is open as usual."),
    dict(slug="dementia-support-advisers", org="remember", name="Dementia support advisers",
         type="information-and-advice",
         outcomes=["community_services", "relationships", "carer:caring_for_others",
                   "carer:community_services"],
         desc="Advisers support people with a diagnosis of dementia and their families from "
              "diagnosis onwards: understanding the condition, planning ahead, lasting power of "
              "attorney, and finding local help. You can contact us yourself.",
         at=["et-remember"], areas=[COUNTY], attend="By phone, home visit or at our office",
         sched=[weekly(WEEKDAYS, "09:00", "17:00")], cost=[FREE], ages=(18, None)),
    dict(slug="sing-together", org="remember", name="Sing Together memory group",
         type="dementia-cafe", outcomes=["relationships", "carer:recreation", "carer:relationships"],
         desc="Singing familiar songs together for people living with dementia and their "
              "carers. No singing experience needed, just come along and join in.",
         at=["sw-methodist"], sched=[weekly("TH", "14:00", "15:30")],
         cost=[per("Per session", 2.00, "Tea and biscuits included")], ages=(18, None)),
    # --- Transport ---------------------------------------------------------------------
    dict(slug="dial-a-ride", org="transport", name="Dial-a-Ride",
         type="community-transport",
         outcomes=["community_services", "nutrition", "relationships", "carer:community_services"],
         desc="Door-to-door minibus transport for people who find it hard to use ordinary "
              "buses, for shopping, appointments, lunch clubs and visits. Buses have "
              "wheelchair lifts and a carer can travel with you for free. Book at least a day "
              "ahead.",
         at=["et-transport"], areas=[COUNTY], attend="Book by phone",
         sched=[weekly(WEEKDAYS, "09:00", "16:00", "Booking line; buses run 8am to 6pm.")],
         cost=[per("Membership per year", 10.00, "Annual membership"),
               per("Single journey", 3.50, "Within one town; longer trips cost more")],
         ages=(18, None)),
    dict(slug="northby-millford-shopper-bus", org="transport",
         name="Northby and Millford shopper bus", type="community-transport",
         outcomes=["nutrition", "community_services"],
         desc="A weekly minibus that collects you from home and takes you to the supermarket, "
              "with time for a coffee before the driver helps you home with your bags. The bus has "
              "a wheelchair lift and the driver can help with your shopping.",
         at=["nb-community", "mf-community"], areas=["Northby", "Millford"],
         sched=[weekly("TH", "09:30", "13:30", at="nb-community"),
                weekly("TU", "09:30", "13:30", at="mf-community")],
         cost=[per("Return trip", 4.00, "Bus passes not accepted")], ages=(18, None)),
    dict(slug="vale-community-car-scheme", org="vale-cars", name="Vale community car scheme",
         type="community-transport", outcomes=["community_services", "carer:community_services"],
         desc="Volunteer drivers take you to GP and hospital appointments, the optician or "
              "the shops when there is no bus. Drivers can wait and bring you home.",
         at=["kv-village-hall"], areas=["Kingsbridge Vale"], attend="Book by phone",
         sched=[weekly(WEEKDAYS, "09:00", "12:00", "Booking line; give three days' notice.")],
         cost=[per("Per mile", 0.45, "Mileage paid to the volunteer driver")], ages=(18, None)),
    # --- Northby Good Neighbours and Polish Community Association ---------------------
    dict(slug="northby-good-neighbours-visiting", org="northby-neighbours",
         name="Good Neighbours visiting scheme", type="befriending",
         outcomes=["relationships", "community_services"],
         desc="A volunteer from the village visits you at home each week for a chat, a walk "
              "or a trip to the café. We match you with someone who shares your interests.",
         at=["nb-neighbours"], attend="At home", sched=[weekly(WEEKDAYS, "10:00", "15:00")],
         cost=[FREE], ages=(18, None)),
    dict(slug="northby-small-jobs", org="northby-neighbours",
         name="Small jobs, shopping and prescriptions", type="handyperson",
         outcomes=["habitable_home", "home_safety", "nutrition"],
         desc="Volunteers help with small jobs that make life easier: changing light bulbs, "
              "putting up a shelf, collecting prescriptions or picking up shopping. Ring the "
              "office and we will find a volunteer.",
         at=["nb-neighbours"], attend="At home", sched=[weekly(WEEKDAYS, "10:00", "12:00")],
         cost=[per("Per job", 0, "Free; you pay only for any shopping or materials")],
         ages=(18, None)),
    dict(slug="polish-seniors-club", org="polish", name="Polish seniors' club (Klub Seniora)",
         type="lunch-club", outcomes=["nutrition", "relationships", "community_services"],
         desc="A weekly club for Polish-speaking older people with a home-cooked lunch, "
              "newspapers from Poland, cards and celebrations of name days and holidays. "
              "Advice sessions on health and benefits are held once a month.",
         at=["nb-polish"], areas=[COUNTY], langs=["pl"],
         sched=[weekly("WE", "11:00", "14:00")],
         cost=[per("Per meal", 4.00, "Soup, main course and tea")], ages=(60, None),
         contact=("Krystyna Nowak", "Club Organiser")),
    dict(slug="polish-befriending", org="polish", name="Polish-speaking befriending",
         type="befriending", outcomes=["relationships"],
         desc="Polish-speaking volunteers phone or visit older and disabled people who are "
              "lonely. They can also help you understand letters and appointments in English.",
         at=["nb-polish"], areas=[COUNTY], attend="By phone or at home", langs=["pl"],
         sched=[weekly(WEEKDAYS, "10:00", "18:00")], cost=[FREE], ages=(18, None)),
    # --- Eastham Sanjha Elders Group --------------------------------------------------
    dict(slug="sanjha-elders-lunch", org="sanjha", name="Sanjha elders' lunch and social",
         type="lunch-club", outcomes=["nutrition", "relationships", "community_services"],
         desc="A vegetarian lunch, chair exercise and conversation for South Asian elders. "
              "Health talks and help with letters are held in Punjabi, Urdu and English.",
         at=["eh-sanjha"], langs=["pa", "ur"], sched=[weekly("MO,TH", "11:30", "14:30")],
         cost=[per("Per meal", 3.50, "Vegetarian lunch")], ages=(55, None)),
    dict(slug="sanjha-carers-circle", org="sanjha", name="Sanjha carers' circle",
         type="peer-support",
         outcomes=["carer:relationships", "carer:recreation", "carer:caring_for_others"],
         desc="A support group for South Asian carers, where you can talk in your own language "
              "about looking after a family member. A carers' support worker comes to each meeting "
              "to explain what help is available.",
         at=["eh-sanjha"], langs=["pa", "ur"], sched=[monthly("2TU", "10:30", "12:30")],
         cost=[FREE], ages=(18, None)),
    # --- Advice Exampleshire ----------------------------------------------------------
    dict(slug="money-and-benefits-advice", org="advice", name="Money and benefits advice",
         type="benefits-advice",
         outcomes=["community_services", "habitable_home", "nutrition", "carer:community_services"],
         desc="Free, confidential advice on benefits, debts, rent and council tax arrears. "
              "Advisers can help you claim, challenge decisions and deal with creditors. "
              "Outreach sessions are held in Eastham and Kingsbridge Vale.",
         at=["et-advice", "eh-hub", "kv-village-hall"], areas=[COUNTY], langs=["pl", "ur"],
         sched=[weekly("MO,TU,WE,TH", "09:30", "16:00", at="et-advice"),
                weekly("WE", "10:00", "13:00", "Drop-in.", at="eh-hub"),
                monthly("1FR", "10:00", "12:30", "Drop-in.", at="kv-village-hall")],
         cost=[FREE], ages=(18, None), contact=("Daniel Reeve", "Advice Services Manager")),
    dict(slug="energy-and-warm-home-advice", org="advice", name="Energy and warm home advice",
         type="benefits-advice",
         outcomes=["habitable_home", "home_safety", "carer:habitable_home"],
         desc="Help to keep your home warm and your bills down: checking tariffs and the "
              "Warm Home Discount, grants for insulation and heating, and dealing with "
              "energy debt. An adviser can visit people who cannot get out.",
         at=["et-advice"], areas=[COUNTY], attend="By phone or home visit",
         sched=[weekly(WEEKDAYS, "09:30", "16:00")], cost=[FREE], ages=(18, None)),
    # --- Safe at Home Exampleshire CIC ------------------------------------------------
    dict(slug="handyperson-small-repairs", org="safe-at-home", name="Handyperson small repairs",
         type="handyperson",
         outcomes=["home_safety", "habitable_home", "carer:habitable_home"],
         desc="Trusted, DBS-checked handypersons do small repairs and jobs around the home, "
              "such as fitting key safes, door chains, smoke alarms and curtain rails, and "
              "fixing dripping taps. Jobs take up to half a day.",
         at=["mf-enterprise"], areas=[COUNTY], attend="At home",
         sched=[weekly(WEEKDAYS, "08:30", "16:30")],
         cost=[per("Per hour", 18.00, "Labour; materials extra"),
               per("On means-tested benefits", 0, "Free labour if you get Pension Credit or "
                   "another means-tested benefit")],
         ages=(18, None), contact=("Lee Harding", "Handyperson Coordinator")),
    dict(slug="falls-safe-home-checks", org="safe-at-home",
         name="Falls-safe home checks and grab rails", type="falls-prevention",
         outcomes=["home_safety", "personal_hygiene", "toilet_needs"],
         desc="A home safety visit to spot trip hazards and poor lighting, and to fit grab "
              "rails by the bath, shower, toilet and steps. Free for people aged 65 and over, "
              "or anyone who has had a fall.",
         at=["mf-enterprise"], areas=[COUNTY], attend="At home",
         sched=[weekly(WEEKDAYS, "08:30", "16:30")],
         cost=[per("Aged 65 or over, or after a fall", 0, "Free check and up to four rails")],
         ages=(65, None), funding="Exampleshire County Council prevention grant"),
    # --- Active Exampleshire ----------------------------------------------------------
    dict(slug="firm-footing", org="active", name="Firm Footing strength and balance classes",
         type="falls-prevention", outcomes=["home_safety", "community_services"],
         desc="Gentle exercise classes led by qualified instructors to improve strength and "
              "balance and reduce the risk of falls. Classes run for 24 weeks and you can do "
              "them seated or standing.",
         at=["sw-leisure", "wb-town-hall"], areas=["Southwick", "Westbury"],
         sched=[weekly("MO,TH", "10:00", "11:00", at="sw-leisure"),
                weekly("TU", "14:00", "15:00", at="wb-town-hall")],
         cost=[per("Per class", 3.00, "Pay as you go")], ages=(60, None)),
    dict(slug="chair-based-exercise", org="active", name="Chair-based exercise",
         type="exercise-class", outcomes=["home_safety", "relationships", "community_services"],
         desc="Seated exercise to music to keep joints moving and muscles strong, followed by "
              "tea and a chat. Suitable if you use a wheelchair or walking aid.",
         at=["et-st-marys", "mf-community"], areas=["Exampletown", "Millford"],
         sched=[weekly("WE", "10:30", "11:30", at="et-st-marys"),
                weekly("FR", "10:30", "11:30", at="mf-community")],
         cost=[per("Per class", 2.50, "Including tea")], ages=(60, None)),
    dict(slug="swim-and-stretch", org="active", name="Swim and stretch for over-60s",
         type="exercise-class", outcomes=["community_services", "relationships"],
         desc="Quiet pool sessions for people aged 60 and over, with an instructor on hand "
              "and a pool hoist. Stay for a coffee in the café afterwards.",
         at=["sw-leisure"], sched=[weekly("TU,FR", "09:00", "10:30")],
         cost=[per("Per session", 3.20, "Concession price")], ages=(60, None),
         status="temporarily closed",
         alert="The pool is closed for repairs. Firm Footing classes at the leisure centre "
               "continue as normal."),
    dict(slug="exampletown-wellbeing-walks", org="active", name="Exampletown wellbeing walks",
         type="exercise-class", outcomes=["community_services", "relationships", "carer:recreation"],
         desc="Short, flat walks of about an hour led by trained volunteers, starting and "
              "finishing at the library. Walkers stop for a hot drink afterwards.",
         at=["et-library"], sched=[weekly("MO", "10:00", "11:00")], cost=[FREE],
         ages=(18, None)),
    # --- Walking groups and men's sheds -----------------------------------------------
    dict(slug="vale-strollers", org="vale-strollers", name="Vale Strollers health walks",
         type="exercise-class", outcomes=["community_services", "relationships", "carer:recreation"],
         desc="Easy walks of 30 to 60 minutes around the Vale, with a back marker so no one "
              "is left behind. Carers are very welcome, on their own or with the person they "
              "care for.",
         at=["kv-village-hall"], sched=[weekly("WE", "10:30", "11:30")], cost=[FREE],
         ages=(18, None)),
    dict(slug="eastham-mens-shed", org="eastham-shed", name="Eastham Men's Shed",
         type="peer-support",
         outcomes=["relationships", "work_training_education_volunteering", "community_services",
                   "carer:recreation"],
         desc="A workshop where people come together to make and mend things, share skills "
              "and have a cuppa. Members repair bikes and build planters for local schools. "
              "Everyone is welcome, whatever your skills.",
         at=["eh-shed"], sched=[weekly("TU,FR", "10:00", "15:00")],
         cost=[per("Per session", 2.00, "Includes tea and coffee")], ages=(18, None)),
    dict(slug="westbury-mens-shed", org="westbury-shed", name="Westbury Men's Shed",
         type="peer-support",
         outcomes=["relationships", "work_training_education_volunteering", "carer:recreation"],
         desc="Woodwork, metalwork and repairs in a friendly workshop. Members pass on skills, "
              "take on community projects and look out for one another.",
         at=["wb-shed"], sched=[weekly("MO,TH", "09:30", "13:30")],
         cost=[per("Membership per year", 20.00, "Tools and materials included")],
         ages=(18, None), status="temporarily closed",
         alert="Closed for roof repairs until the end of the month. Members are meeting at "
               "Westbury Town Hall on Thursday mornings instead."),
    # --- Food banks, pantries and warm spaces ----------------------------------------
    dict(slug="exampletown-food-bank", org="et-foodbank", name="Exampletown Food Bank",
         type="food-bank", outcomes=["nutrition", "caring_for_child", "carer:nutrition"],
         desc="Emergency food parcels with three days of nutritious food for individuals and "
              "families. You need a referral voucher from an advice agency, GP, social worker "
              "or school; call us if you are not sure how to get one.",
         at=["et-beacon"], areas=["Exampletown"],
         sched=[weekly("MO,WE,FR", "10:00", "13:00")],
         cost=[per("With a referral voucher", 0, "Free")],
         fees="Free with a referral voucher."),
    dict(slug="southwick-community-larder", org="sw-larder", name="Southwick Community Larder",
         type="food-bank", outcomes=["nutrition", "caring_for_child", "carer:nutrition"],
         desc="A food club open to anyone in Southwick who is struggling with the cost of "
              "food. Members pay £3.50 a visit and choose at least £15 worth of groceries, "
              "fresh fruit and vegetables.",
         at=["sw-larder"], sched=[weekly("TU,SA", "10:00", "12:00")],
         cost=[per("Per visit", 3.50, "About £15 of food")], ages=(18, None)),
    dict(slug="vale-community-pantry", org="vale-pantry", name="Vale Community Pantry and warm space",
         type="food-bank", outcomes=["nutrition", "community_services", "carer:nutrition"],
         desc="Free food, toiletries and household essentials, plus a warm room with soup and "
              "a chat. No referral needed and no questions asked.",
         at=["kv-st-annes"], sched=[weekly("TH", "13:00", "16:00")], cost=[FREE]),
    dict(slug="millford-warm-space-lunch", org="millford-ca",
         name="Millford warm space and community lunch", type="warm-space",
         outcomes=["nutrition", "community_services", "relationships", "carer:nutrition"],
         desc="A warm, welcoming hall with free soup and a roll at lunchtime, games, jigsaws and "
              "phone charging. Drop in for as long as you like.",
         at=["mf-community"], sched=[weekly("MO,WE", "11:00", "15:00")],
         cost=[per("Soup lunch", 0, "Free")]),
    dict(slug="millford-tea-dance", org="millford-ca", name="Millford tea dance",
         type="exercise-class", outcomes=["relationships", "community_services", "carer:recreation"],
         desc="Ballroom and sequence dancing to live music, with tea and cake. Come to dance "
              "or just to listen; seated dances are included.",
         at=["mf-community"], sched=[monthly("-1SU", "14:00", "16:30")],
         cost=[per("Per dance", 4.00, "Including tea and cake")], ages=(18, None)),
    dict(slug="eastham-warm-hub", org="eastham-hub", name="Eastham Warm Hub",
         type="warm-space", outcomes=["community_services", "relationships", "carer:nutrition"],
         desc="A free warm space with hot drinks and a light lunch, newspapers and wifi. "
              "Volunteers can point you to advice on bills and benefits.",
         at=["eh-hub"], sched=[weekly("TU,TH", "10:00", "16:00")], cost=[FREE],
         langs=["pa", "ur"]),
    dict(slug="eastham-digital-help-cafe", org="eastham-hub", name="Eastham digital help café",
         type="digital-skills",
         outcomes=["community_services", "relationships", "work_training_education_volunteering"],
         desc="Help with phones, tablets and laptops over a cup of tea. Volunteers speak "
              "English, Polish, Punjabi and Urdu. Free data SIM cards for people on low incomes.",
         at=["eh-hub"], langs=["pl", "pa", "ur"], sched=[weekly("MO", "13:30", "15:30")],
         cost=[FREE], ages=(18, None)),
    dict(slug="st-aldhelms-warm-welcome", org="st-aldhelm", name="Warm Welcome at St Aldhelm's",
         type="warm-space", outcomes=["community_services", "relationships", "nutrition"],
         desc="The church is open as a warm space with a free hot lunch on Fridays. Everyone "
              "is welcome, whether or not you go to church.",
         at=["nb-st-aldhelm"], sched=[weekly("TU,FR", "10:00", "14:00", "October to March.")],
         cost=[FREE]),
    dict(slug="southwick-friendship-lunch-club", org="southwick-friends",
         name="Southwick Friendship Lunch Club", type="lunch-club",
         outcomes=["nutrition", "relationships", "community_services"],
         desc="A proper two-course lunch cooked by volunteers, with a raffle and plenty of "
              "conversation. New members are always welcome and lifts can be arranged.",
         at=["sw-methodist"], sched=[weekly("WE", "12:00", "14:00")],
         cost=[per("Per meal", 5.00, "Two courses with tea or coffee")], ages=(60, None)),
    dict(slug="kingsbridge-vale-village-lunches", org="vale-lunches",
         name="Kingsbridge Vale village lunches", type="lunch-club",
         outcomes=["nutrition", "relationships", "community_services"],
         desc="A home-cooked lunch for older people, alternating between the village hall and "
              "Lower Vale Memorial Hall. Volunteer drivers from the car scheme can bring you.",
         at=["kv-village-hall", "kv-memorial-hall"],
         sched=[monthly("1TU,3TU", "12:00", "14:00", at="kv-village-hall"),
                monthly("2TU,4TU", "12:00", "14:00", at="kv-memorial-hall")],
         cost=[per("Per meal", 5.50, "Two courses")], ages=(60, None)),
    # --- Bereavement and mental health ------------------------------------------------
    dict(slug="bereavement-support-groups", org="lantern", name="Bereavement support groups",
         type="bereavement-support", outcomes=["relationships", "community_services"],
         desc="Monthly groups where bereaved adults can talk, listen and share with others who "
              "understand, led by trained volunteers. You can come as soon as you feel ready.",
         at=["wb-town-hall", "et-st-marys"], areas=[COUNTY],
         sched=[monthly("1WE", "18:30", "20:00", at="wb-town-hall"),
                monthly("3TU", "14:00", "15:30", at="et-st-marys")],
         cost=[FREE], ages=(18, None)),
    dict(slug="one-to-one-bereavement-support", org="lantern",
         name="One-to-one bereavement support", type="bereavement-support",
         outcomes=["relationships"],
         desc="Up to eight sessions with a trained bereavement volunteer, by phone or face to "
              "face at Lantern House. There may be a short wait.",
         at=["mf-lantern"], areas=[COUNTY], attend="By phone or in person",
         sched=[weekly(WEEKDAYS, "09:00", "17:00", "Evening sessions on request.")],
         cost=[FREE], ages=(18, None)),
    dict(slug="mental-health-peer-support", org="opendoor", name="Mental health peer support groups",
         type="peer-support",
         outcomes=["relationships", "community_services", "work_training_education_volunteering"],
         desc="Groups facilitated by people with their own experience of mental health "
              "problems, for anyone living with anxiety, depression or other difficulties. "
              "No referral or diagnosis needed.",
         at=["et-opendoor"], areas=[COUNTY],
         sched=[weekly("TU", "18:00", "20:00"), weekly("SA", "10:30", "12:30")],
         cost=[FREE], ages=(18, None)),
    dict(slug="parents-wellbeing-group", org="opendoor", name="Parents' wellbeing group",
         type="peer-support", outcomes=["caring_for_child", "relationships"],
         desc="A peer support group for parents who are finding things hard because of their "
              "own mental health. A free crèche runs alongside the group.",
         at=["sw-methodist"], areas=["Southwick", "Exampletown"],
         sched=[weekly("WE", "09:30", "11:30", "Term time only.")], cost=[FREE],
         ages=(18, None)),
    dict(slug="recovery-and-volunteering", org="opendoor", name="Recovery and volunteering programme",
         type="peer-support",
         outcomes=["work_training_education_volunteering", "community_services", "relationships"],
         desc="Wellbeing courses and supported volunteering for people recovering from mental "
              "ill health, to build confidence, skills and routine. Many volunteers go on to "
              "paid work or college.",
         at=["et-opendoor"], areas=[COUNTY], sched=[weekly("MO,TH", "10:00", "15:00")],
         cost=[FREE], ages=(18, None), funding="Exampleshire Community Foundation"),
    # --- Learning disabilities --------------------------------------------------------
    dict(slug="thursday-club", org="friends-futures", name="Thursday Club",
         type="peer-support", outcomes=["relationships", "community_services", "carer:recreation"],
         desc="A social club for adults with learning disabilities, with discos, karaoke, "
              "crafts and trips out. Supporters and family carers can come too.",
         at=["mf-community"], areas=[COUNTY], sched=[weekly("TH", "18:00", "21:00")],
         cost=[per("Per evening", 3.00, "Supporters free")], ages=(18, None)),
    dict(slug="parents-together", org="friends-futures", name="Parents Together",
         type="peer-support", outcomes=["caring_for_child", "relationships", "community_services"],
         desc="Support for parents with learning disabilities, with easy-read information, a "
              "weekly group and a worker who can come to meetings with you. The group covers "
              "things like school letters, health visits and managing money.",
         at=["nb-community"], areas=[COUNTY],
         sched=[weekly("TU", "10:00", "12:00", "Term time only.")], cost=[FREE],
         ages=(18, None)),
    dict(slug="travel-training", org="friends-futures", name="Independent travel training",
         type="community-transport",
         outcomes=["community_services", "work_training_education_volunteering"],
         desc="One-to-one training to learn to travel safely on buses and trains, so you can "
              "get to college, work or see friends on your own. Training happens on the routes "
              "you want to use.",
         at=["mf-enterprise"], areas=[COUNTY], attend="On your chosen route",
         sched=[weekly(WEEKDAYS, "09:00", "17:00")], cost=[FREE], ages=(18, None)),
    dict(slug="rootstock-day-opportunities", org="rootstock",
         name="Rootstock horticulture day opportunities", type="day-opportunities",
         outcomes=["work_training_education_volunteering", "relationships", "community_services",
                   "carer:recreation"],
         desc="Growing vegetables, looking after chickens and selling produce at our farm shop, "
              "with support from horticulture staff. For adults with learning disabilities, "
              "autism or mental health needs. Places are often paid for from a personal budget.",
         at=["mf-rootstock"], sched=[weekly("MO,TU,WE,TH", "09:30", "15:00")],
         cost=[per("Per day", 42.00, "Can be paid from a personal budget or direct payment")],
         ages=(18, None), contact=("Sam Ellery", "Head Grower")),
    # --- Sensory loss -------------------------------------------------------------------
    dict(slug="sight-loss-advice-and-rehabilitation", org="clearview",
         name="Sight loss advice and rehabilitation", type="information-and-advice",
         outcomes=["home_safety", "being_clothed", "nutrition", "community_services"],
         desc="Rehabilitation workers help people with sight loss to stay independent: cooking "
              "safely, telling clothes apart, using a white cane and getting around. You can "
              "try magnifiers and talking gadgets at the sight centre.",
         at=["et-clearview"], areas=[COUNTY], attend="At home or at the sight centre",
         sched=[weekly(WEEKDAYS, "09:30", "16:30")], cost=[FREE], ages=(18, None)),
    dict(slug="southwick-low-vision-group", org="clearview", name="Southwick low vision group",
         type="peer-support", outcomes=["relationships", "community_services"],
         desc="A friendly monthly group for people with sight loss, with talks, tips on "
              "equipment and a chance to make friends. Volunteers can guide you from the bus stop "
              "if you ask in advance.",
         at=["sw-methodist"], sched=[monthly("2MO", "14:00", "16:00")], cost=[FREE],
         ages=(18, None)),
    dict(slug="hearing-aid-drop-ins", org="hear", name="Hearing aid drop-ins",
         type="information-and-advice", outcomes=["relationships", "community_services"],
         desc="Volunteers clean and retube NHS hearing aids, replace batteries and give advice "
              "on equipment such as loud doorbells and amplified phones. Just turn up; no "
              "appointment needed.",
         at=["wb-hear", "kv-village-hall"], areas=["Westbury", "Kingsbridge Vale"],
         sched=[weekly("TU", "10:00", "12:00", at="wb-hear"),
                monthly("3TH", "10:00", "11:30", at="kv-village-hall")],
         cost=[FREE], ages=(18, None)),
    dict(slug="deaf-social-club", org="hear", name="Deaf social club and BSL café",
         type="peer-support", outcomes=["relationships", "community_services"],
         desc="A social evening for Deaf people and British Sign Language users, and for "
              "anyone learning BSL. Come for a drink, games and conversation.",
         at=["wb-hear"], areas=[COUNTY], langs=["bfi"],
         sched=[fortnightly("FR", "18:30", "21:00", "2025-09-05")], cost=[FREE],
         ages=(18, None)),
    # --- Long-term conditions ---------------------------------------------------------
    dict(slug="southwick-stroke-club", org="stroke", name="Stroke Survivors Club, Southwick",
         type="peer-support",
         outcomes=["relationships", "community_services", "carer:relationships"],
         desc="A club for people who have had a stroke and their families, with gentle "
              "exercise, communication games and speakers. Volunteers who have had a stroke "
              "themselves welcome new members.",
         at=["sw-sports"], areas=[COUNTY],
         sched=[fortnightly("WE", "13:30", "15:30", "2025-09-03")],
         cost=[per("Per session", 2.50, "Including refreshments")], ages=(18, None)),
    dict(slug="parkinsons-support-group", org="parkinsons", name="Parkinson's support group",
         type="peer-support",
         outcomes=["relationships", "community_services", "carer:relationships",
                   "carer:caring_for_others"],
         desc="A monthly meeting for people with Parkinson's and their partners and carers, "
              "with speakers, a Parkinson's nurse at some meetings, and a separate carers' "
              "chat. It is a good place to ask questions soon after a diagnosis.",
         at=["eh-hub"], areas=[COUNTY], sched=[monthly("1WE", "14:00", "16:00")],
         cost=[FREE], ages=(18, None)),
    dict(slug="parkinsons-movement-class", org="parkinsons", name="Parkinson's movement class",
         type="exercise-class", outcomes=["home_safety", "community_services"],
         desc="An exercise class designed for people with Parkinson's, working on balance, "
              "posture and big movements. It is led by a specialist physiotherapist and you "
              "can do most exercises seated.",
         at=["eh-hub"], areas=[COUNTY], sched=[weekly("WE", "10:00", "11:00")],
         cost=[per("Per class", 3.00, "First class free")], ages=(18, None)),
    # --- Dementia day care, home from hospital, digital, equipment -------------------
    dict(slug="oakwood-dementia-day-care", org="oakwood", name="Oakwood dementia day care",
         type="day-opportunities",
         outcomes=["personal_hygiene", "toilet_needs", "being_clothed", "carer:recreation"],
         desc="A day centre for people living with dementia, with activities, a hot lunch, "
              "help with personal care and a secure garden. Family carers get a regular, "
              "reliable break.",
         at=["et-oakwood"], areas=["Exampletown", "Eastham", "Southwick"],
         sched=[weekly(WEEKDAYS, "09:30", "16:00")],
         cost=[per("Per day", 65.00, "Including lunch and refreshments")], ages=(18, None),
         contact=("Ruth Adebayo", "Day Care Manager")),
    dict(slug="homeward-settle-in", org="homeward", name="Settle-in service after hospital",
         type="home-from-hospital",
         outcomes=["nutrition", "home_safety", "relationships", "carer:caring_for_others"],
         desc="A volunteer meets you at home when you leave hospital, makes sure the heating is "
              "on and there is food in, and keeps in touch for up to four weeks. We also "
              "support carers who are taking on more after a hospital stay.",
         at=["wb-volunteer"], areas=["Westbury", "Kingsbridge Vale"], attend="At home",
         sched=[weekly("MO,TU,WE,TH,FR,SA", "09:00", "17:00")], cost=[FREE], ages=(18, None)),
    dict(slug="westbury-tech-buddies", org="tech-buddies", name="Westbury Tech Buddies",
         type="digital-skills",
         outcomes=["community_services", "relationships", "carer:work_training_education_volunteering"],
         desc="One-to-one help with your own phone, tablet or laptop, from setting up email to "
              "booking GP appointments online. Volunteers can also visit you at home.",
         at=["wb-town-hall"], sched=[weekly("MO", "14:00", "16:00")], cost=[FREE],
         ages=(18, None)),
    dict(slug="independent-living-centre", org="ilc",
         name="Independent Living Centre: try equipment before you buy",
         type="information-and-advice",
         outcomes=["personal_hygiene", "toilet_needs", "being_clothed", "home_safety"],
         desc="See and try equipment for daily living, such as bath lifts, raised toilet seats, "
              "dressing aids, kitchen gadgets and riser recliner chairs, with advice from an "
              "occupational therapist. We sell nothing and can tell you where to get items.",
         at=["et-ilc"], areas=[COUNTY],
         sched=[weekly("TU,WE,TH", "10:00", "16:00", "Appointments recommended.")],
         cost=[FREE], ages=(18, None)),
]

LANGUAGES = {"en": "English", "pl": "Polish", "pa": "Punjabi", "ur": "Urdu",
             "bfi": "British Sign Language"}

# ---------------------------------------------------------------------------------------
# Building the feed
# ---------------------------------------------------------------------------------------


def taxonomy_records():
    """Taxonomies, terms, and a lookup from term code to term object."""
    taxonomies, terms, by_code = [], [], {}
    term_lists = {ADULT_TAXONOMY: [(c, n, d) for c, n, d in ADULT_OUTCOMES],
                  CARER_TAXONOMY: [("carer:" + c, n, d) for c, n, d in CARER_OUTCOMES],
                  TYPE_TAXONOMY: SERVICE_TYPES}
    for slug, description in TAXONOMIES:
        taxonomy_id = uid("taxonomy", slug)
        taxonomies.append({"id": taxonomy_id, "name": slug, "description": description,
                           "version": "1.0"})
        for code, name, term_description in term_lists[slug]:
            term = {"id": uid("taxonomy_term", slug, code), "code": code, "name": name,
                    "description": term_description, "taxonomy_id": taxonomy_id,
                    "taxonomy": slug, "term": name}
            terms.append(term)
            by_code[code] = term
    return taxonomies, terms, by_code


def organization_record(key, org):
    record = {"id": uid("organization", key), "name": org["name"],
              "description": org["description"], "email": org["email"] + "@example.org",
              "website": f"https://{org['domain']}/"}
    if "parent" in org:
        record["parent_organization_id"] = uid("organization", org["parent"])
    return record


def location_record(key):
    name, address_1, town, postcode, access = VENUES[key]
    location_id = uid("location", key)
    lat, lon = TOWNS[town]
    # Spread venues up to about a kilometre around the town centre.
    h = stable_int("venue", key)
    lat += ((h % 2001) - 1000) / 100000
    lon += (((h >> 16) % 2001) - 1000) / 70000
    return {
        "id": location_id, "location_type": "physical", "name": name,
        "latitude": round(lat, 5), "longitude": round(lon, 5),
        "addresses": [{"id": uid("address", key), "location_id": location_id,
                       "address_1": address_1, "city": town, "state_province": COUNTY,
                       "postal_code": postcode, "country": "GB", "address_type": "physical"}],
        "accessibility": [{"id": uid("accessibility", key, str(i)), "location_id": location_id,
                           "description": text, "accessibility": text}
                          for i, text in enumerate(access)],
    }


def review_dates(slug):
    """(assured_date, last_modified) for a service, stable per slug."""
    h = stable_int("review", slug)
    start, end = OLDER_REVIEW if h % 5 == 0 else RECENT_REVIEW
    assured = start + datetime.timedelta(days=(h >> 8) % ((end - start).days + 1))
    modified = datetime.datetime.combine(assured, datetime.time(8)) + datetime.timedelta(
        days=(h >> 24) % 3, minutes=(h >> 32) % 600, seconds=(h >> 44) % 60)
    return assured.isoformat(), modified.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def money(amount):
    return f"£{amount:.2f}"


def fees_text(costs):
    """Plain-English fees text (the deprecated ORUK field) built from the cost options."""
    if all(amount in (0, None) for _, amount, _ in costs):
        return "Free."
    parts = []
    for option, amount, description in costs:
        detail = description[0].lower() + description[1:]
        if amount is None:
            parts.append(f"{option}: {detail}")
        elif option.startswith("Per") and amount:
            parts.append(f"{money(amount)} {option.lower()} ({detail})")
        elif amount:
            parts.append(f"{option}: {money(amount)} ({detail})")
        else:
            parts.append(f"{option}: {detail}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def service_record(s, orgs_phone_index, terms):
    slug, org = s["slug"], ORGANISATIONS[s["org"]]
    service_id = uid("service", slug)
    status = s.get("status", "active")
    assured, modified = review_dates(slug)
    first_town = VENUES[s["at"][0]][2]
    costs = s["cost"]
    attend = s.get("attend", "In person")

    # Each organisation owns a block of ten numbers; its services take them in turn.
    phone_number = org["phone"] + orgs_phone_index
    assert 960100 <= phone_number <= 960998, slug

    sals = {key: uid("service_at_location", slug, key) for key in s["at"]}

    schedules = []
    for i, spec in enumerate(s["sched"]):
        schedule = {"id": uid("schedule", slug, str(i)), "service_id": service_id}
        if spec["at"]:
            schedule["service_at_location_id"] = sals[spec["at"]]
        schedule["freq"] = spec["freq"]
        if "interval" in spec:
            schedule["interval"] = spec["interval"]
            schedule["dtstart"] = spec["dtstart"]
        schedule.update({"byday": spec["byday"], "opens_at": spec["opens"],
                         "closes_at": spec["closes"], "description": describe_schedule(spec),
                         "attending_type": attend})
        if spec["at"]:
            schedule["notes"] = "At " + VENUES[spec["at"]][0] + "."
        schedules.append(schedule)

    record = {
        "id": service_id,
        "organization_id": uid("organization", s["org"]),
        "name": s["name"],
        "description": s["desc"],
        "url": f"https://{org['domain']}/services/{slug}",
        "email": f"{org['email']}.{slug}@example.org",
        "status": status,
        "fees": s.get("fees") or fees_text(costs),
    }
    if s.get("ages"):
        minimum, maximum = s["ages"]
        record["minimum_age"] = minimum
        if maximum is not None:
            record["maximum_age"] = maximum
    record.update({"assured_date": assured, "assurer_email": ASSURER_EMAIL})
    if s.get("alert"):
        record["alert"] = s["alert"]
    record["last_modified"] = modified
    record["schedules"] = schedules
    record["service_areas"] = [
        {"id": uid("service_area", slug, area), "service_id": service_id, "name": area,
         "service_area": area}
        for area in s.get("areas", [first_town])]
    record["service_at_locations"] = [
        {"id": sals[key], "service_id": service_id, "location_id": uid("location", key),
         "location": location_record(key)}
        for key in s["at"]]
    record["languages"] = [
        {"id": uid("language", slug, code), "service_id": service_id,
         "name": LANGUAGES[code], "code": code}
        for code in ["en"] + s.get("langs", [])]
    record["phones"] = [{"id": uid("phone", slug, "main"), "service_id": service_id,
                         "number": f"01632 {phone_number}",
                         "description": "Enquiries and bookings"}]
    if s.get("funding"):
        record["funding"] = [{"id": uid("funding", slug), "service_id": service_id,
                              "source": s["funding"]}]
    record["cost_options"] = []
    for i, (option, amount, description) in enumerate(costs):
        cost = {"id": uid("cost_option", slug, str(i)), "service_id": service_id,
                "valid_from": PRICES_VALID_FROM, "option": option}
        if amount is not None:
            cost["amount"] = amount
            cost["currency"] = "GBP"
        cost["amount_description"] = description
        record["cost_options"].append(cost)
    if s.get("contact"):
        name, title = s["contact"]
        record["contacts"] = [{"id": uid("contact", slug, name), "service_id": service_id,
                               "name": name, "title": title}]
    record["attributes"] = []
    for code in [s["type"]] + s["outcomes"]:
        term = terms[code]
        link_type = "service_type" if term["taxonomy"] == TYPE_TAXONOMY else "outcome"
        record["attributes"].append({
            "id": uid("attribute", slug, code), "link_id": service_id,
            "link_type": link_type, "link_entity": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term})
    return record


def build():
    taxonomies, terms, by_code = taxonomy_records()
    organizations = [organization_record(key, org) for key, org in ORGANISATIONS.items()]
    services, next_phone = [], {}
    for s in SERVICES:
        index = next_phone.get(s["org"], 0)
        next_phone[s["org"]] = index + 1
        services.append(service_record(s, index, by_code))
    return {"taxonomies": taxonomies, "taxonomy_terms": terms,
            "organizations": organizations, "services": services}


def main():
    feed = build()
    OUTPUT.write_text(json.dumps(feed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {OUTPUT}: {len(feed['organizations'])} organisations, "
          f"{len(feed['services'])} services, {len(feed['taxonomy_terms'])} taxonomy terms.")


if __name__ == "__main__":
    main()
