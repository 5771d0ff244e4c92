/// The words `NewsTextGenerator` writes with and `RuleSetGenerator` borrows: invented places,
/// people and organisations, and the ordinary vocabulary of news about crime, law, figures,
/// business, sport and technology. Written for this project; lists, never dictionaries, so that
/// every pick is deterministic.
enum NewsVocabulary {
  static let placeStarts = [
    "Ald", "Bram", "Carr", "Dun", "Elm", "Fen", "Gar", "Hol", "Ips", "Kel", "Lang", "Mar", "Nor",
    "Oak", "Pen", "Ravens", "Sal", "Thorn", "Wex", "Yar", "Brack", "Cold", "Hart", "Sand",
  ]
  static let placeEnds = [
    "ford", "ley", "by", "ton", "wick", "mouth", "bridge", "field", "ham", "stead", "combe", "wood",
  ]
  static let forenames = [
    "Sarah", "James", "Priya", "Tom", "Aisha", "David", "Helen", "Marek", "Grace", "Owen", "Fatima",
    "Liam", "Chloe", "Daniel", "Ruth", "Kwame", "Megan", "Samuel", "Joanna", "Ibrahim", "Nadia",
    "Callum", "Bethan", "Rory",
  ]
  static let surnames = [
    "Whitfield", "Okafor", "Marsh", "Patel", "Brennan", "Holt", "Chen", "Draper", "Kowalski",
    "Fairbairn", "Lindqvist", "Mensah", "Rowe", "Ashworth", "Quinn", "Haddad", "Pryce",
    "Sutherland", "Nakamura", "Ellery", "Tremayne", "Obi", "Varga", "Castellan",
  ]
  static let streetNames = [
    "Mill Lane", "Station Road", "Church Street", "Victoria Avenue", "Orchard Close", "High Street",
    "Rectory Gardens", "Canal Walk", "Willow Crescent", "Market Place",
  ]
  static let companyStarts = [
    "Brightwell", "Corvane", "Dellmark", "Faraday Lane", "Halcyon", "Kestrel Row", "Lumen",
    "Northgate", "Orrin", "Pellucid", "Quarry Hill", "Stanmore", "Tessera", "Vantor", "Wyvern",
  ]
  static let companyEnds = [
    "Energy", "Group", "Holdings", "Foods", "Systems", "Bank", "Motors", "Telecom", "Water",
    "Retail", "Logistics", "Insurance",
  ]
  static let teamEnds = ["United", "Rovers", "City", "Athletic", "Town", "Wanderers"]
  static let codenames = [
    "Kingfisher", "Granite", "Meridian", "Tollgate", "Bluebell", "Harrier", "Ironside", "Larkspur",
    "Saltmarsh", "Wayfarer",
  ]
  static let weekdays = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  static let offences = [
    "burglary", "robbery", "possession of a bladed article", "dangerous driving",
    "fraud by false representation", "assault occasioning actual bodily harm",
    "conspiracy to supply Class A drugs", "theft", "arson", "money laundering", "stalking",
    "criminal damage", "causing death by careless driving", "wounding with intent",
    "handling stolen goods", "possession of a firearm",
  ]
  static let seizedThings = [
    "weapons", "vehicles", "mobile phones", "knives", "firearms", "counterfeit goods", "devices",
  ]
  static let topics = [
    "short-term lets", "school transport", "river pollution", "e-scooters", "social care funding",
    "the minimum wage", "online safety", "rental deposits", "flood defences", "bus franchising",
    "water company bonuses", "vaping", "smart meters", "apprenticeships", "food labelling",
    "leasehold reform",
  ]
  static let bannedThings = [
    "disposable vapes", "zero-hours contracts", "pavement parking", "no-fault evictions",
    "single-use plastics", "cold calling", "junk food advertising", "fixed-term teacher contracts",
  ]
  static let dutyHolders = [
    "landlords", "water companies", "social media platforms", "employers", "local councils",
    "energy suppliers", "schools", "care homes",
  ]
  static let duties = [
    "publish an annual report on complaints", "register with the regulator",
    "carry out regular safety checks", "offer customers a free repair",
    "report serious incidents within 72 hours", "pay compensation when services fail",
    "appoint a named safeguarding lead", "keep records for at least six years",
  ]
  static let countedThings = [
    "burglaries", "hospital admissions", "reported thefts", "new homes", "bus journeys",
    "complaints", "road casualties", "school exclusions", "job vacancies", "insolvencies",
    "fly-tipping incidents", "emergency calls", "cases", "referrals",
  ]
  static let groups = [
    "households", "adults", "young people", "small businesses", "tenants", "pupils", "drivers",
    "patients", "workers", "pensioners",
  ]
  static let statisticsBodies = [
    "Office for National Statistics", "Home Office", "Department for Transport",
    "national audit office", "local government association", "regional health board",
  ]
  static let quoteOpenings = [
    "We are determined to make our streets safer", "This is a difficult day for everyone involved",
    "Families deserve better than this", "The figures speak for themselves",
    "We will not hesitate to act", "Nobody should have to wait this long for help",
    "It is simply not good enough", "We have listened to residents and we are acting",
    "There is still a great deal of work to do", "I am proud of what the team has achieved",
    "This has been a long time coming", "We cannot keep asking people to pay more for less",
  ]
  static let quoteFollowUps = [
    "I want to thank the officers who worked tirelessly on this case",
    "Our message to offenders is clear", "The public expect nothing less",
    "We will keep pressing for change until the job is done",
    "Every pound we spend has to make a difference", "The next few months will be crucial",
    "Nobody in this room thinks the problem is solved", "That is why we are acting now",
  ]
  static let scareQuotes = [
    "unacceptable", "a step in the right direction", "deeply worrying", "long overdue",
    "a missed opportunity", "frankly baffling",
  ]
  static let roles = [
    "chief constable", "council leader", "chief executive", "head of policy", "director",
    "spokesperson", "consultant", "head coach", "economist", "union representative",
  ]
  static let ministerPortfolios = [
    "policing", "housing", "transport", "the environment", "health", "education", "skills",
  ]
  static let products = [
    "smartphone", "electric van", "home battery", "payment app", "chatbot", "fitness tracker",
    "satellite broadband service", "delivery robot",
  ]
  static let narratives = [
    "The road was closed for several hours while emergency services dealt with the scene.",
    "Residents said the area had changed a great deal over the past decade.",
    "The building, which dates from the nineteenth century, has stood empty since the mill closed.",
    "Heavy rain is expected to continue into the weekend across much of the region.",
    "The festival returns to the park next summer after a two-year break.",
    "Local shops reported a busy morning as the market reopened.",
    "The bridge is due to reopen once repairs to the railings are complete.",
    "Visitors are advised to check opening times before they travel.",
    "The station will be closed for two weekends while the platforms are rebuilt.",
    "Volunteers spent the afternoon clearing litter from the riverbank.",
    "The school held a special assembly to mark its centenary.",
    "A public meeting will be held at the village hall next week.",
  ]
}
