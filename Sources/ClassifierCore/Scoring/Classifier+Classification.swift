extension Classifier {
  /// Scores and labels one segment; the outcome is left in `workspace.result`.
  ///
  /// One pass of the literal automaton finds every keyword and every literal that some pattern
  /// requires; then only the patterns whose literals were seen (and those with none) run.
  ///
  /// Segments of a document are classified in order with one workspace, which carries their
  /// context: what rules scoped to the previous segment found there, and the quotation marks
  /// seen so far. A segment classified `after: .documentStart` has no context.
  ///
  /// - Parameters:
  ///   - segment: the segment's UTF-8 bytes; invalid UTF-8 is matched safely and never matches.
  ///   - boundary: what separates the segment from the one classified before it.
  ///   - workspace: this thread's workspace, made for this classifier.
  /// - Complexity: O(n) for the scan plus the searches of the patterns that run.
  public func classify(
    _ segment: UnsafeBufferPointer<UInt8>, after boundary: SegmentBoundary = .documentStart,
    in workspace: inout ClassifierWorkspace
  ) {
    precondition(
      workspace.termSeen.count == compiled.terms.count
        && workspace.branchQueued.count == compiled.branches.count,
      "the workspace was made for another classifier")
    // One copy for the whole segment: unoptimized builds would otherwise copy the tables (and
    // retain every array in them) at each use inside the scan.
    let compiled = self.compiled
    workspace.beginSegment(segment, after: boundary)
    var runsEveryBranch = !options.usesLiteralPrefilter
    compiled.automaton.scan(segment) { value, end in
      if value < 0 {
        let set = Int(~value)
        if set == compiled.setCount {
          runsEveryBranch = true
        } else if workspace.setSeen[set] != workspace.generation {
          workspace.setSeen[set] = workspace.generation
          for branch in compiled.firstSetBranches[
            compiled.firstSetStart[set]..<compiled.firstSetStart[set + 1]]
          {
            Self.queue(branch, in: &workspace)
          }
        }
      } else {
        Self.recordKeyword(
          spelling: Int(value), end: end, in: segment, compiled: compiled, workspace: &workspace)
      }
    }
    for list in workspace.touchedLists {
      let rules = compiled.keywordLists[list]
      let contribution = min(workspace.listSums[list], rules.max)
      if rules.scope == .previousSegment {
        workspace.pendingScores[rules.category] += contribution
      } else {
        workspace.result.scores[rules.category] += contribution
      }
    }
    if runsEveryBranch {
      for branch in compiled.branches.indices { Self.queue(branch, in: &workspace) }
    } else {
      // A queued branch runs only if each of its other sets was seen too.
      workspace.queuedBranches.removeAll { branch in
        compiled.secondarySets[compiled.branches[branch].secondary].contains {
          workspace.setSeen[$0] != workspace.generation
        }
      }
    }
    for branch in compiled.unfilteredBranches { Self.queue(branch, in: &workspace) }
    if workspace.continuesQuotation {
      for branch in compiled.unfilteredQuotationBranches { Self.queue(branch, in: &workspace) }
    }
    Self.sortSmall(&workspace.queuedBranches)
    // A pattern's branches are numbered together, highest priority first, so its queued ones
    // are adjacent: its first match is the leftmost of theirs, the earlier branch on a tie, which
    // is also the first match of the whole pattern.
    var next = 0
    let queued = workspace.queuedBranches
    while next < queued.count {
      let patternIndex = compiled.branches[queued[next]].pattern
      let pattern = compiled.patterns[patternIndex]
      var end = next + 1
      while end < queued.count, compiled.branches[queued[end]].pattern == patternIndex { end += 1 }
      defer { next = end }
      if pattern.scope == .continuedQuotation && !workspace.continuesQuotation { continue }
      var found: Range<Int>?
      func run(_ program: RegexProgram) {
        switch program.firstMatch(in: segment, scratch: workspace.scratch) {
        case .match(let range):
          if found.map({ range.lowerBound < $0.lowerBound }) ?? true { found = range }
        case .noMatch:
          break
        case .failed(let failure):
          workspace.result.failedSearches.append(FailedSearch(rule: pattern.rule, failure: failure))
        }
      }
      if end - next > CompiledRules.maximumBranchRuns {
        run(pattern.whole)
      } else {
        for index in next..<end { run(compiled.branches[queued[index]].program) }
      }
      guard let range = found else { continue }
      let evidence = Evidence(rule: pattern.rule, term: nil, weight: pattern.weight, range: range)
      if pattern.scope == .previousSegment {
        workspace.pendingScores[pattern.category] += pattern.weight
        workspace.pendingEvidence.append(evidence.inPreviousSegment)
      } else {
        workspace.result.scores[pattern.category] += pattern.weight
        workspace.result.evidence.append(evidence)
      }
    }
    for category in compiled.thresholds.indices {
      workspace.result.isLabelled[category] =
        workspace.result.scores[category] >= compiled.thresholds[category]
    }
    workspace.quotation.advance(over: segment, continuing: workspace.continuesQuotation)
  }

  /// Classifies one segment given as a string (a convenience that allocates; the stream path
  /// reuses a workspace instead).
  public func classify(_ text: String) -> SegmentClassification {
    var workspace = ClassifierWorkspace(for: self)
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      classify(UnsafeBufferPointer(buffer), in: &workspace)
    }
    return workspace.result
  }

  /// Queues a pattern's branch to run on the segment, once.
  @inline(__always)
  private static func queue(_ branch: Int, in workspace: inout ClassifierWorkspace) {
    if workspace.branchQueued[branch] != workspace.generation {
      workspace.branchQueued[branch] = workspace.generation
      workspace.queuedBranches.append(branch)
    }
  }

  /// Checks a keyword spelling found ending at `end` for whole-word boundaries and records the
  /// term once per segment.
  @inline(__always)
  private static func recordKeyword(
    spelling: Int, end: Int, in segment: UnsafeBufferPointer<UInt8>, compiled: CompiledRules,
    workspace: inout ClassifierWorkspace
  ) {
    let found = compiled.spellings[spelling]
    let termIndex = found.term
    guard workspace.termSeen[termIndex] != workspace.generation else { return }
    let term = compiled.terms[termIndex]
    let list = compiled.keywordLists[term.list]
    if list.scope == .continuedQuotation && !workspace.continuesQuotation { return }
    let start = Self.start(ofSymbols: found.symbolCount, endingAt: end, in: segment)
    if term.checksStart && WordBoundary.isWordCharacter(before: start, in: segment) { return }
    var matchEnd = end
    if term.isStem {
      matchEnd = WordBoundary.endOfWord(from: end, in: segment)
    } else if term.checksEnd && WordBoundary.isWordCharacter(at: end, in: segment) {
      return
    }
    workspace.termSeen[termIndex] = workspace.generation
    if workspace.listTouched[term.list] != workspace.generation {
      workspace.listTouched[term.list] = workspace.generation
      workspace.listSums[term.list] = 0
      workspace.touchedLists.append(term.list)
    }
    workspace.listSums[term.list] += term.weight
    let evidence = Evidence(
      rule: list.rule, term: term.index, weight: term.weight, range: start..<matchEnd)
    if list.scope == .previousSegment {
      workspace.pendingEvidence.append(evidence.inPreviousSegment)
    } else {
      workspace.result.evidence.append(evidence)
    }
  }

  /// Where a folded literal of `count` symbols that ends at `end` starts in the text, where one
  /// symbol may stand for a run of whitespace.
  @inline(__always)
  private static func start(
    ofSymbols count: Int, endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    var index = end
    for _ in 0..<count where index > 0 {
      index -= 1
      if TextBytes.isSpace(bytes[index]) {
        while index > 0 && TextBytes.isSpace(bytes[index - 1]) { index -= 1 }
      }
    }
    return index
  }

  /// Insertion sort: the queue is short, and the standard sort may allocate.
  private static func sortSmall(_ values: inout [Int]) {
    guard values.count > 1 else { return }
    for index in 1..<values.count {
      let value = values[index]
      var slot = index
      while slot > 0 && values[slot - 1] > value {
        values[slot] = values[slot - 1]
        slot -= 1
      }
      values[slot] = value
    }
  }
}
