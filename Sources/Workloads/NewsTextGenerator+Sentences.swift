extension NewsTextGenerator {
  /// Police, court and regulator action: arrests, charges, trials, sentences, fines, seizures.
  mutating func enforcementSentence() -> String {
    let who = random.chance(50) ? ("man", "him", "He") : ("woman", "her", "She")
    return switch random.below(16) {
    case 0:
      "Officers from \(place()) Police arrested a \(number(16...71))-year-old \(who.0) on "
        + "suspicion of \(random.pick(NewsVocabulary.offences)) on \(weekday())."
    case 1:
      "\(person()), \(number(19...68)), of \(random.pick(NewsVocabulary.streetNames)), "
        + "\(place()), was jailed for \(number(2...14)) years at \(place()) Crown Court after "
        + "admitting \(random.pick(NewsVocabulary.offences))."
    case 2:
      "\(who.2) was charged with \(random.pick(NewsVocabulary.offences)) and is due to appear "
        + "before \(place()) Magistrates' Court on \(date())."
    case 3:
      "A \(number(15...60))-year-old \(who.0) has been released on bail while enquiries continue."
    case 4:
      "Detectives are appealing for anyone with information to contact them, quoting reference "
        + "\(number(100...999))/\(number(10_000...99_999))."
    case 5:
      "\(person()) was sentenced to \(number(4...23)) months in prison, suspended for two years, "
        + "and ordered to complete \(number(8...30) * 10) hours of unpaid work."
    case 6:
      "The jury found \(who.1) guilty of \(random.pick(NewsVocabulary.offences)) after a "
        + "\(number(3...19))-day trial."
    case 7:
      "During the \(number(2...12))-week operation, officers made \(count(12...480)) arrests and "
        + "seized \(count(10...2_400)) \(random.pick(NewsVocabulary.seizedThings))."
    case 8:
      "The regulator fined \(company()) \(money()) for failing to protect customers' data."
    case 9:
      "Police searched \(number(3...40)) properties and recovered cash and drugs worth an "
        + "estimated \(money())."
    case 10:
      "\(person()), \(number(18...64)), pleaded not guilty to "
        + "\(random.pick(NewsVocabulary.offences)) and was remanded in custody."
    case 11:
      "Operation \(random.pick(NewsVocabulary.codenames)) has led to \(count(11...320)) charges "
        + "since it began in \(month())."
    case 12:
      "An investigation was launched after a car was found abandoned near \(place()) station."
    case 13:
      "The force said the suspect had been identified from CCTV footage and arrested at an address "
        + "in \(place())."
    case 14:
      "\(person()) was banned from driving for \(number(12...48)) months and fined \(money())."
    default:
      "A file has been passed to the Crown Prosecution Service, and the \(number(2...6)) men "
        + "remain under investigation."
    }
  }

  /// Law, regulation, government programmes and calls for change.
  mutating func policySentence() -> String {
    switch random.below(15) {
    case 0:
      "The government will introduce legislation to tackle \(random.pick(NewsVocabulary.topics)) "
        + "later this year."
    case 1:
      "Ministers have launched a \(number(6...14))-week consultation on "
        + "\(random.pick(NewsVocabulary.topics))."
    case 2:
      "Under the new rules, \(random.pick(NewsVocabulary.dutyHolders)) will be required to "
        + "\(random.pick(NewsVocabulary.duties))."
    case 3:
      "The \(place()) Housing Bill is expected to have its second reading in the House of Commons "
        + "next month."
    case 4:
      "\(place()) Council voted to adopt a new strategy on \(random.pick(NewsVocabulary.topics)) "
        + "at its meeting on \(weekday())."
    case 5:
      "The regulator said firms must comply with the revised code of practice by \(month())."
    case 6:
      "The Local Services Act, which came into force in \(year()), gives councils new powers to "
        + "fine \(random.pick(NewsVocabulary.dutyHolders))."
    case 7:
      "Campaigners have called on the government to ban "
        + "\(random.pick(NewsVocabulary.bannedThings)) outright."
    case 8:
      "The department said it would publish a white paper on \(random.pick(NewsVocabulary.topics)) "
        + "in the spring."
    case 9:
      "A spokesperson for the Home Office said the policy would be kept under review."
    case 10:
      "The scheme will be funded by a levy on \(random.pick(NewsVocabulary.dutyHolders))."
    case 11:
      "MPs on the \(random.pick(NewsVocabulary.ministerPortfolios)) committee urged ministers to "
        + "set out a timetable for reform."
    case 12:
      "The proposals would make it a criminal offence to sell "
        + "\(random.pick(NewsVocabulary.bannedThings)) to anyone under 18."
    case 13:
      "Opposition parties said the plans for \(random.pick(NewsVocabulary.topics)) did not go far "
        + "enough."
    default:
      "The minister for \(random.pick(NewsVocabulary.ministerPortfolios)) announced \(money()) of "
        + "funding for the programme."
    }
  }

  /// Aggregate figures: counts, rates, changes between two figures, money totals.
  mutating func statisticSentence() -> String {
    switch random.below(13) {
    case 0:
      "The number of \(random.pick(NewsVocabulary.countedThings)) rose from \(count(200...9_000)) "
        + "to \(count(9_001...40_000)) in the year to \(month())."
    case 1:
      "Figures published by the \(random.pick(NewsVocabulary.statisticsBodies)) show that "
        + "\(percent()) of \(random.pick(NewsVocabulary.groups)) had cut back on spending."
    case 2:
      "\(place()) Council recorded \(count(120...8_000)) "
        + "\(random.pick(NewsVocabulary.countedThings)) last year, up \(percent()) on the year "
        + "before."
    case 3:
      "Around one in \(number(3...9)) \(random.pick(NewsVocabulary.groups)) said they had "
        + "struggled to pay a bill, according to the survey."
    case 4:
      "Spending on \(random.pick(NewsVocabulary.topics)) reached \(money()) in \(year()), the "
        + "highest since records began."
    case 5:
      "The average wait fell to \(number(3...30)) days, down from \(number(31...90)) a year "
        + "earlier."
    case 6:
      "Unemployment stood at \(number(3...8)).\(number(1...9))% in the three months to \(month())."
    case 7:
      "\(company()) reported a pre-tax profit of \(money()) for the year, compared with "
        + "\(money()) in \(year())."
    case 8:
      "Inflation eased to \(number(1...6)).\(number(1...9))% in \(month()), from "
        + "\(number(6...9)).\(number(1...9))% the month before."
    case 9:
      "Almost half of the \(number(30...150)) councils surveyed said they expected to overspend."
    case 10:
      "The figure is \(number(2...5)) times higher than a decade ago."
    case 11:
      "There were \(count(1_000...90_000)) \(random.pick(NewsVocabulary.countedThings)) in "
        + "\(year()), \(percent()) fewer than in \(year())."
    default:
      "\(count(10...900)) \(random.pick(NewsVocabulary.groups)) were interviewed for the study."
    }
  }

  mutating func businessSentence() -> String {
    switch random.below(7) {
    case 0:
      "Shares in \(company()) fell \(percent()) after the firm warned that profits would be lower "
        + "than expected."
    case 1:
      "\(company()) said it would cut \(count(40...3_000)) jobs as part of a restructuring."
    case 2: "The deal values \(company()) at \(money()), including debt."
    case 3:
      "Sales at \(company()) rose to \(money()) in the first half, helped by strong demand in "
        + "\(month())."
    case 4:
      "Analysts expect the bank to hold interest rates at its next meeting on \(date())."
    case 5:
      "The chief executive, \(person()), will step down at the end of the year after "
        + "\(number(3...15)) years in the role."
    default:
      "\(company()) plans to open \(number(5...60)) new stores across the region by \(year())."
    }
  }

  mutating func sportSentence() -> String {
    switch random.below(6) {
    case 0:
      "\(team()) beat \(team()) \(number(1...5))-\(number(0...1)) on \(weekday()), with "
        + "\(person()) scoring twice."
    case 1:
      "\(person()) was sent off in the second half for a late challenge."
    case 2:
      "The club have won \(number(3...9)) of their last \(number(10...12)) league games."
    case 3:
      "\(team()) finished the season in \(random.pick(["second", "fifth", "eighth", "twelfth"])) "
        + "place, \(number(2...30)) points behind the leaders."
    case 4:
      "\(person()) has signed a new \(number(2...4))-year contract with the club."
    default:
      "Tickets for the final go on sale on \(weekday()) morning."
    }
  }

  mutating func technologySentence() -> String {
    switch random.below(6) {
    case 0:
      "\(company()) unveiled a new \(random.pick(NewsVocabulary.products)), which goes on sale in "
        + "\(month())."
    case 1:
      "The update fixes a security flaw that could have let attackers read users' messages."
    case 2:
      "The app has been downloaded more than \(count(2...90)) million times since its launch."
    case 3:
      "Engineers said the outage was caused by a faulty software update, not a cyber attack."
    case 4:
      "The \(random.pick(NewsVocabulary.products)) costs \(money()) and will be available in "
        + "\(number(3...20)) countries."
    default:
      "Researchers at the university have built a prototype that uses a fraction of the power."
    }
  }

  mutating func narrativeSentence() -> String {
    switch random.below(6) {
    case 0:
      "The \(place()) road was closed on \(weekday()) while a fallen tree was removed."
    case 1:
      "\(person()) has run the bakery on \(random.pick(NewsVocabulary.streetNames)) for "
        + "\(number(5...40)) years."
    case 2:
      "The library in \(place()) will reopen on \(date()) after a refurbishment."
    case 3:
      "Crowds gathered in the square to watch the parade pass by."
    case 4:
      "The weather is expected to turn colder in \(place()) by the end of the week."
    default:
      "Work on the new footbridge in \(place()) started in \(month())."
    }
  }
}
