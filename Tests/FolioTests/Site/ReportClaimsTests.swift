import Folio
import FolioCore
import FolioFormat
import Foundation
import Testing

/// The claims check (`Content/claims-check.md`) counts the labels of `seed_claims_check` with inline
/// values and guards each comparison with a claim block, so a change of one claim's label either moves
/// every tally on the page or stops the build at the sentence it makes false. The expected counts are
/// read from the edited dataset, never typed here.
@Suite struct ReportClaimsTests {
    static let page = "claims-check.html"
    static let article = "claims-check.md"

    /// A claim's label, as `seed_claims_check` holds it.
    static func label(of factID: String) -> KeyFigure {
        KeyFigure(page, "seed_claims_check", row: [("fact_id", factID)], columns: ["status"], format: .number)
    }

    @Test func theTalliesFollowAnEditedLabel() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        // A confirmed claim the page does not discuss by name, about the company rather than Nvidia or the IPO,
        // so that moving it to unsupported changes the tallies without making a sentence false.
        let edited = "co-gpus"
        try #require(try report.cells(of: Self.label(of: edited)) == ["confirmed"])
        try #require(!(try report.article(Self.article)).contains(edited), "\(Self.article) names \(edited)")
        let topic = try #require(try report.topic(of: edited), "claims_topics.sql gives \(edited) no subject")

        try expectTallies(report, "before the edit")
        let before = try report.subjectCounts()
        try report.setCells(of: Self.label(of: edited), to: ["unsupported"])
        try report.build()
        try expectTallies(report, "after the edit")

        // The chart by subject moves the edited claim from one segment to the other, and nothing else.
        let after = try report.subjectCounts()
        let row = try #require(before[topic], "the chart by subject has no \(topic)")
        #expect(
            after[topic] == [
                "confirmed": row["confirmed", default: 0] - 1, "unsupported": row["unsupported", default: 0] + 1,
                "contradicted": row["contradicted", default: 0],
            ])
        #expect(after.filter { $0.key != topic } == before.filter { $0.key != topic })
    }

    /// Every tally span of the page shows what `seed_claims_check` now holds.
    func expectTallies(_ report: BuiltReport, _ when: String) throws {
        let (header, rows) = try report.dataset("seed_claims_check")
        let status = try #require(header.firstIndex(of: "status"))
        func count(_ tally: TallySpan.Count) -> Double {
            switch tally {
            case .all: Double(rows.count)
            case .label(let label): Double(rows.filter { $0[status] == label }.count)
            }
        }
        let spans = try report.inlineValues(in: Self.article)
        let values = try report.dataValues(on: Self.page)
        try #require(spans.count == values.count, "\(Self.article) has \(spans.count) inline values, the page \(values.count)")
        var tallies = 0
        for (span, value) in zip(spans, values) {
            guard let tally = TallySpan(span) else { continue }
            tallies += 1
            let expected = tally.denominator.map { count(tally.numerator) / count($0) } ?? count(tally.numerator)
            #expect(abs(value - expected) < 1e-9, "\(when): `\(span)` shows \(value), the data gives \(expected)")
        }
        // The total, the three labels and the confirmed share, at least.
        #expect(tallies >= 5, "\(Self.article) computes only \(tallies) tallies from seed_claims_check")
    }

    @Test func aLabelThatMakesASentenceFalseStopsTheBuildAtItsClaim() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let published = try report.page(Self.page)
        // The IPO's pricing turning out contradicted breaks two sentences: that every contradicted claim
        // concerns Nvidia, and that everything about the IPO checked out.
        try #require(try report.topic(of: "ipo-priced") == "IPO")
        try report.setCells(of: Self.label(of: "ipo-priced"), to: ["contradicted"])
        // Both editions carry claims of their own for the same data: the Chinese page fails with the English one.
        let chinese = Self.article.replacingOccurrences(of: ".md", with: ".zh.md")
        let claims = [Self.article: try report.claimBlocks(in: Self.article), chinese: try report.claimBlocks(in: chinese)]
        var failures: [Diagnostic] = []
        do {
            _ = try Build.run(ProjectLayout(base: report.root))
        } catch {
            failures = error.all
        }
        try #require(!failures.isEmpty, "the build went through with a contradicted IPO claim")
        var failed: Set<String> = []
        var failedInChinese: Set<String> = []
        for failure in failures {
            let text = try #require(ReportClaimsTests.claimText(in: failure.message), "not a claim: \(failure)")
            let file = try #require(claims.keys.first { failure.location.path.hasSuffix("Content/\($0)") }, "\(failure)")
            let block = try #require(claims[file]?.first { $0.text == text }, "no claim block of \(file) reads \(text)")
            #expect(failure.location.line == block.line, "\(failure)")
            if file == chinese { failedInChinese.insert(text) } else { failed.insert(text) }
        }
        #expect(failedInChinese.contains("每一条被反驳的说法都与英伟达有关"))
        #expect(failedInChinese.contains("评论关于 IPO 本身的说法全部经得起核查"))
        #expect(!failedInChinese.contains("评论的大部分说法得到证实"))
        #expect(failed.contains("Every contradicted claim concerns Nvidia"))
        #expect(failed.contains("Everything the commentary said about the IPO itself checked out"))
        // A sentence the edit leaves true still holds.
        #expect(!failed.contains("Most of the commentary's claims were confirmed"))
        #expect(try report.page(Self.page) == published, "a failed build replaced the published page")
    }

    @Test func theClaimsCheckTypesNoNumbers() throws {
        let text = try String(contentsOf: BuiltReport.repository.appendingPathComponent("Content/\(Self.article)"), encoding: .utf8)
        let typed = TypedNumbers.find(in: text, file: Self.article)
        #expect(typed.isEmpty, "\(typed.map(\.description).joined(separator: "\n"))")
    }

    /// The quoted text of a "claim does not hold" message.
    static func claimText(in message: String) -> String? {
        let marker = "claim does not hold: \""
        guard let start = message.range(of: marker), let end = message[start.upperBound...].range(of: "\":") else { return nil }
        return String(message[start.upperBound..<end.lowerBound])
    }
}

/// An inline value that counts rows of `seed_claims_check`, all of them or those of one label, or divides two such counts.
struct TallySpan {
    enum Count: Equatable {
        case all
        case label(String)
    }

    var numerator: Count
    var denominator: Count?

    init?(_ span: String) {
        let formula = span.split(separator: "|", maxSplits: 1).first.map(String.init) ?? span
        let counts = formula.components(separatedBy: " / ").map(Self.count)
        guard (1...2).contains(counts.count), let numerator = counts[0] else { return nil }
        self.numerator = numerator
        if counts.count == 2 {
            guard let denominator = counts[1] else { return nil }
            self.denominator = denominator
        }
    }

    /// `count(seed_claims_check)` → `.all`; `count(seed_claims_check[status=S])` → `.label(S)`; anything else `nil`.
    static func count(_ text: String) -> Count? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let open = "count(seed_claims_check"
        guard text.hasPrefix(open), text.hasSuffix(")") else { return nil }
        let selector = text.dropFirst(open.count).dropLast()
        if selector.isEmpty { return .all }
        let prefix = "[status="
        guard selector.hasPrefix(prefix), selector.hasSuffix("]") else { return nil }
        let label = selector.dropFirst(prefix.count).dropLast()
        return label.contains { "[]".contains($0) } ? nil : .label(String(label))
    }
}

extension BuiltReport {
    func article(_ name: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
    }

    /// The subject `claims_topics.sql` gives a claim, from its `('fact-id', 'Subject')` line.
    func topic(of factID: String) throws -> String? {
        let sql = try String(contentsOf: content.appendingPathComponent("data/claims_topics.sql"), encoding: .utf8)
        let prefix = "('\(factID)', '"
        for line in sql.components(separatedBy: "\n") {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard entry.hasPrefix(prefix) else { continue }
            return String(entry.dropFirst(prefix.count).prefix { $0 != "'" })
        }
        return nil
    }

    /// The inline values of an article's prose, in order, without their backticks and `=`.
    func inlineValues(in name: String) throws -> [String] {
        var spans: [String] = []
        var fenced = false
        for line in try article(name).components(separatedBy: "\n") {
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fenced.toggle()
                continue
            }
            if fenced { continue }
            spans += ReportTests.elements(in: line, from: "`=", to: "`").map { String($0.dropFirst(2).dropLast()) }
        }
        return spans
    }

    /// The `value` of every `<data>` element in a page's article body, in order.
    func dataValues(on page: String) throws -> [Double] {
        let bodies = ReportTests.elements(in: try self.page(page), from: "<div class=\"prose\">", to: "</article>")
        try #require(bodies.count == 1, "\(page) has \(bodies.count) article bodies")
        return try ReportTests.elements(in: bodies[0], from: "<data value=\"", to: "\"").map { element in
            let value = element.dropFirst("<data value=\"".count).dropLast()
            return try #require(Double(value), "\(page): <data value=\"\(value)\"> is not one number")
        }
    }

    /// The claim blocks of an article: the line of each opening fence, and its `text:`.
    func claimBlocks(in name: String) throws -> [(line: Int, text: String)] {
        let lines = try article(name).components(separatedBy: "\n")
        var blocks: [(line: Int, text: String)] = []
        for (index, line) in lines.enumerated() where line == "```claim" {
            let text = try #require(lines[(index + 1)...].first { $0.hasPrefix("text: ") }, "\(name):\(index + 1): a claim without text")
            blocks.append((index + 1, String(text.dropFirst("text: ".count))))
        }
        return blocks
    }

    /// The chart by subject on the claims check, from its data download: subject → label → count.
    func subjectCounts() throws -> [String: [String: Int]] {
        let charts = root.appendingPathComponent("Output/charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path)
            .filter { $0.hasPrefix("claims-check.chart-") && $0.hasSuffix(".csv") }.sorted()
        for name in names {
            let lines = try String(contentsOf: charts.appendingPathComponent(name), encoding: .utf8)
                .split(whereSeparator: \.isNewline).map { $0.components(separatedBy: ",") }
            guard let header = lines.first, header.first == "topic" else { continue }
            var counts: [String: [String: Int]] = [:]
            for row in lines.dropFirst() {
                try #require(row.count == header.count, "\(name): \(row)")
                var cells: [String: Int] = [:]
                for (column, cell) in zip(header.dropFirst(), row.dropFirst()) {
                    let number = try #require(Int(cell), "\(name): \(column) = \(cell)")
                    cells[column] = number
                }
                counts[row[0]] = cells
            }
            return counts
        }
        Issue.record("claims-check.html has no chart by subject")
        return [:]
    }
}

/// A number typed into an article's prose, where it cannot follow the data: its file, line and text as written.
struct TypedNumber: Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var text: String

    var description: String { "\(file):\(line): \(text)" }
}

/// Finds the numbers typed in the prose of a Markdown article (issue 12): every run of digits outside
/// the front matter, inline values, fenced blocks, link targets and HTML tags, headings, quotations
/// (“…”, "…" and block quotes), ISO dates, day-month dates and years standing alone. A run joined to
/// letters before it is part of a name (H100, S-1, GPT-3, Q4) and an ordered list's marker is structure;
/// neither is counted.
enum TypedNumbers {
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Every `Content/*.md` of `folder`, by name.
    static func find(inArticlesOf folder: URL) throws -> [TypedNumber] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try names.flatMap { name in
            find(in: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name)
        }
    }

    static func find(in markdown: String, file: String) -> [TypedNumber] {
        var lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").map { Array($0) }
        blankStructure(&lines)
        var found: [TypedNumber] = []
        var start = 0
        while start < lines.count {
            guard !isBlank(lines[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < lines.count, !isBlank(lines[end]) { end += 1 }
            found += numbers(inParagraph: lines[start..<end], firstLine: start + 1, file: file)
            start = end
        }
        return found
    }

    // MARK: Lines

    /// Empties the lines that are not prose (front matter, fenced blocks, headings, block quotes, link
    /// reference definitions) and blanks ordered lists' markers.
    static func blankStructure(_ lines: inout [[Character]]) {
        let original = lines
        var index = 0
        if lines.first == Array("---"), let end = lines.dropFirst().firstIndex(where: { $0 == Array("---") || $0 == Array("...") }) {
            for line in 0...end { lines[line] = [] }
            index = end + 1
        }
        var fence: (mark: Character, length: Int)?
        while index < lines.count {
            let line = lines[index]
            let text = line.drop { $0 == " " || $0 == "\t" }
            let mark = text.first
            let run = text.prefix { $0 == mark }.count
            if let open = fence {
                lines[index] = []
                if mark == open.mark, run >= open.length, text.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
            } else if let mark, mark == "`" || mark == "~", run >= 3, !(mark == "`" && text.dropFirst(run).contains("`")) {
                fence = (mark, run)
                lines[index] = []
            } else if isHeading(line) || text.first == ">" || isReferenceDefinition(text) {
                lines[index] = []
            } else if isSetextUnderline(line), index > 0, !isBlank(lines[index - 1]) {
                lines[index - 1] = []
                lines[index] = []
            } else if index == 0 || isBlank(lines[index - 1]) || withoutListMarker(original[index - 1]) != original[index - 1] {
                // A list item starts a block, or follows another item; a paragraph's next line may not start a list.
                lines[index] = withoutListMarker(line)
            }
            index += 1
        }
    }

    static func isBlank(_ line: [Character]) -> Bool { line.allSatisfy(\.isWhitespace) }

    static func isHeading(_ line: [Character]) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3 else { return false }
        let hashes = text.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && (text.count == hashes || text.dropFirst(hashes).first?.isWhitespace == true)
    }

    static func isSetextUnderline(_ line: [Character]) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3, let mark = text.first, mark == "=" || mark == "-" else { return false }
        let run = text.prefix { $0 == mark }.count
        return text.dropFirst(run).allSatisfy(\.isWhitespace)
    }

    /// `[label]: destination`.
    static func isReferenceDefinition(_ text: ArraySlice<Character>) -> Bool {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return false }
        return text.index(after: close) < text.endIndex && text[text.index(after: close)] == ":"
    }

    /// The line with an ordered list's `12.` or `12)` marker turned into spaces.
    static func withoutListMarker(_ line: [Character]) -> [Character] {
        let indent = line.prefix { $0 == " " }.count
        let digits = line.dropFirst(indent).prefix(while: isDigit).count
        let after = indent + digits
        guard (1...9).contains(digits), after < line.count, line[after] == "." || line[after] == ")",
            after + 1 == line.count || line[after + 1].isWhitespace
        else { return line }
        return Array(repeating: " ", count: after + 1) + line[(after + 1)...]
    }

    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    // MARK: Paragraphs

    /// The typed numbers of one paragraph: its lines joined, the parts that are not prose masked, then every run of digits left.
    static func numbers(inParagraph lines: ArraySlice<[Character]>, firstLine: Int, file: String) -> [TypedNumber] {
        var text: [Character] = []
        var lineOf: [Int] = []
        for (offset, line) in lines.enumerated() {
            text += line + ["\n"]
            lineOf += Array(repeating: firstLine + offset, count: line.count + 1)
        }
        var masked = Array(repeating: false, count: text.count)
        maskInlineValues(text, &masked)
        maskTagsAndLinkTargets(text, &masked)
        maskQuotations(text, &masked)
        maskDates(text, &masked)
        maskChineseDates(text, &masked)

        var found: [(offset: Int, text: String)] = []
        var index = 0
        while index < text.count {
            guard isDigit(text[index]), !masked[index], index == 0 || !isDigit(text[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, !masked[end],
                isDigit(text[end]) || ((text[end] == "," || text[end] == ".") && end + 1 < text.count && isDigit(text[end + 1]))
            {
                end += 1
            }
            defer { index = end }
            if isPartOfAName(text, index..<end) || isYearStandingAlone(text, index..<end) { continue }
            found.append((index, shown(text, index..<end)))
        }
        return (found + chineseNumerals(text, masked)).sorted { $0.offset < $1.offset }.map { found in
            TypedNumber(file: file, line: lineOf[found.offset], text: found.text)
        }
    }

    /// H100, S-1, GPT-3, Q4, 10-K, 424B4, `2025_05`, `2025-03-19/20`: digits joined to the letters before them
    /// (directly or by a hyphen), to a word or number before them by `_` or `/`, to a capital after them by a
    /// hyphen, or to letters and digits after them.
    static func isPartOfAName(_ text: [Character], _ run: Range<Int>) -> Bool {
        let start = run.lowerBound
        if start > 0, isNameLetter(text[start - 1]) { return true }
        if start > 1, text[start - 1] == "-", isNameLetter(text[start - 2]) { return true }
        if start > 1, "_/".contains(text[start - 1]), isNameLetter(text[start - 2]) || isDigit(text[start - 2]) { return true }
        let end = run.upperBound
        let letters = text[end...].prefix(while: isNameLetter).count
        if letters > 0, end + letters < text.count, isDigit(text[end + letters]) { return true }
        guard end + 1 < text.count, text[end] == "-", text[end + 1].isUppercase else { return false }
        return end + 2 == text.count || !text[end + 2].isLetter
    }

    /// Four digits from 1900 to 2100, without a currency before or a unit after (`2025`, `2022–2024`, `the 2020s`,
    /// `2025年`, `2025财年`; not `2000万`).
    static func isYearStandingAlone(_ text: [Character], _ run: Range<Int>) -> Bool {
        guard run.count == 4, let year = Int(String(text[run])), (1900...2100).contains(year) else { return false }
        if run.lowerBound > 0, "$€£¥".contains(text[run.lowerBound - 1]) { return false }
        guard run.upperBound < text.count else { return true }
        let next = text[run.upperBound]
        if "%×".contains(next) { return false }
        if isIdeograph(next) { return next == "年" || !quantityWords.contains(next) }
        if next.isLetter {
            let decade = next == "s" && (run.upperBound + 1 == text.count || !text[run.upperBound + 1].isLetter)
            return decade
        }
        return true
    }

    /// The number as a reader sees it: with a currency or minus sign before it and a `%`, `×` or unit letters after.
    static func shown(_ text: [Character], _ run: Range<Int>) -> String {
        var start = run.lowerBound
        if start > 0, "$€£¥−-".contains(text[start - 1]) { start -= 1 }
        var end = run.upperBound
        if end < text.count, "%×".contains(text[end]) || quantityWords.contains(text[end]) {
            end += 1
        } else {
            let letters = text[end...].prefix(while: isNameLetter).count
            if letters <= 3 { end += letters }
        }
        return String(text[start..<end])
    }

    /// `` `=dataset.column[…]` ``: the code spans whose content starts with `=`.
    static func maskInlineValues(_ text: [Character], _ masked: inout [Bool]) {
        var index = 0
        while index < text.count {
            guard text[index] == "`" else {
                index += 1
                continue
            }
            let length = text[index...].prefix { $0 == "`" }.count
            var close = index + length
            var found: Int?
            while close < text.count {
                let run = text[close...].prefix { $0 == "`" }.count
                if run == length {
                    found = close
                    break
                }
                close += max(run, 1)
            }
            guard let found else {
                index += length
                continue
            }
            let content = text[(index + length)..<found].drop { $0 == " " }
            if content.first == "=" { mask(index..<(found + length), &masked) }
            index = found + length
        }
    }

    /// `<tag …>`, `<!-- … -->`, `<https://…>` and the destination of `[text](destination)`.
    static func maskTagsAndLinkTargets(_ text: [Character], _ masked: inout [Bool]) {
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard !masked[index] else { continue }
            if text[index] == "<", index + 1 < text.count, text[index + 1].isLetter || "/!".contains(text[index + 1]) {
                let comment = text[(index + 1)...].starts(with: "!--")
                let end = comment ? firstIndex(of: Array("-->"), in: text, from: index) : text[index...].firstIndex(of: ">")
                let last = end.map { $0 + (comment ? 3 : 1) } ?? text.count
                mask(index..<last, &masked)
                index = last - 1
            } else if text[index] == "]", index + 1 < text.count, text[index + 1] == "(" {
                var depth = 0
                var end = index + 1
                while end < text.count {
                    if text[end] == "(" { depth += 1 }
                    if text[end] == ")" { depth -= 1 }
                    if depth == 0 { break }
                    end += 1
                }
                mask((index + 1)..<min(end + 1, text.count), &masked)
                index = end
            }
        }
    }

    /// “…”, ‘…’, '…' and "…". A single quote opens only where a word starts and closes only where one ends,
    /// so an apostrophe (CoreWeave's, the founders') quotes nothing.
    static func maskQuotations(_ text: [Character], _ masked: inout [Bool]) {
        for index in text.indices where !masked[index] && text[index] == "“" {
            if let close = text[index...].firstIndex(of: "”") { mask(index..<(close + 1), &masked) }
        }
        func endsAWord(_ index: Int) -> Bool {
            index + 1 == text.count || !(text[index + 1].isLetter || isDigit(text[index + 1]))
        }
        var index = 0
        while index + 1 < text.count {
            defer { index += 1 }
            let mark = text[index]
            guard !masked[index], mark == "'" || mark == "‘",
                index == 0 || text[index - 1].isWhitespace || "([{—–-/“\"".contains(text[index - 1]),
                !text[index + 1].isWhitespace
            else { continue }
            let closing: Character = mark == "'" ? "'" : "’"
            guard
                let close = ((index + 2)..<text.count).first(where: { text[$0] == closing && !text[$0 - 1].isWhitespace && endsAWord($0) })
            else { continue }
            mask(index..<(close + 1), &masked)
            index = close
        }
        let straight = text.indices.filter { !masked[$0] && text[$0] == "\"" }
        for pair in stride(from: 0, to: straight.count - 1, by: 2) {
            mask(straight[pair]..<(straight[pair + 1] + 1), &masked)
        }
    }

    /// `2025-03-28` and `2025-03`; `28 March` and `March 28`.
    static func maskDates(_ text: [Character], _ masked: inout [Bool]) {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start >= 0, start + count <= text.count, text[start..<(start + count)].allSatisfy(isDigit) else { return nil }
            return Int(String(text[start..<(start + count)]))
        }
        func isDigitAt(_ index: Int) -> Bool { index >= 0 && index < text.count && isDigit(text[index]) }
        for start in text.indices where isDigit(text[start]) && !isDigitAt(start - 1) {
            // ISO: four digits, a hyphen, a month; then perhaps a hyphen and a day.
            if digits(start, 4) != nil, start + 4 < text.count, text[start + 4] == "-", let month = digits(start + 5, 2),
                (1...12).contains(month), !isDigitAt(start + 7)
            {
                var end = start + 7
                if end < text.count, text[end] == "-", let day = digits(end + 1, 2), (1...31).contains(day), !isDigitAt(end + 3) {
                    end += 3
                }
                mask(start..<end, &masked)
                continue
            }
            // A day of one or two digits, perhaps with an ordinal, next to a month's name.
            let length = isDigitAt(start + 1) ? 2 : 1
            guard !isDigitAt(start + length), let day = digits(start, length), (1...31).contains(day) else { continue }
            var end = start + length
            let suffix = String(text[end...].prefix { $0.isLetter })
            if ["st", "nd", "rd", "th"].contains(suffix) { end += suffix.count }
            let after = text[end...].prefix { $0 == " " || $0 == "\u{A0}" }.count
            let following = String(text[(end + after)...].prefix { $0.isLetter })
            let before = text[..<start].reversed().prefix { $0 == " " || $0 == "\u{A0}" }.count
            let preceding = String(text[..<(start - before)].reversed().prefix { $0.isLetter }.reversed())
            if (after > 0 && months.contains(following)) || (before > 0 && months.contains(preceding)) {
                mask(start..<end, &masked)
            }
        }
    }

    // MARK: Chinese

    /// A CJK ideograph: a letter to Swift, but never part of a name such as H100, and never a unit of one.
    static func isIdeograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// A letter that can join digits into a name: any letter but an ideograph.
    static func isNameLetter(_ character: Character) -> Bool { character.isLetter && !isIdeograph(character) }

    static let chineseDigits: Set<Character> = ["零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九"]
    static let chineseScales: Set<Character> = ["十", "百", "千", "万", "亿"]
    /// The words that make a numeral a quantity (三倍, 两成, 五家, 三年) or scale a number (2000万).
    static let quantityWords: Set<Character> = [
        "倍", "成", "半", "番", "家", "个", "位", "名", "次", "年", "天", "周", "条", "项", "类", "种", "份", "股", "票", "人",
        "十", "百", "千", "万", "亿",
    ]
    /// What makes 一 a number rather than the article "a" (一家公司, 之一): 一倍, 一成, 一半, 一番.
    static let quantitiesOfOne: Set<Character> = ["倍", "成", "半", "番"]

    /// `3月28日`, `3月` and the `28日` after a month: a month of one or two digits before 月, a day before 日.
    static func maskChineseDates(_ text: [Character], _ masked: inout [Bool]) {
        var start = 0
        while start < text.count {
            guard isDigit(text[start]), start == 0 || !isDigit(text[start - 1]) else {
                start += 1
                continue
            }
            let end = start + text[start...].prefix(while: isDigit).count
            defer { start = end }
            guard end < text.count, end - start <= 2, let value = Int(String(text[start..<end])) else { continue }
            if text[end] == "月", (1...12).contains(value) {
                mask(start..<(end + 1), &masked)
            } else if text[end] == "日", (1...31).contains(value), start > 0, text[start - 1] == "月" {
                mask(start..<(end + 1), &masked)
            }
        }
    }

    /// Numbers written in Chinese numerals: a run of numerals with a quantity after it (三倍, 两成, 五家, 一半), with
    /// a scale in it (十亿, 三十), or a fraction (三分之一, 百分之八十). Not counted: 一 as the article (一家公司,
    /// 之一), ordinals (第一), and a scale written after an inline value (`` `=…` ``百万股).
    static func chineseNumerals(_ text: [Character], _ masked: [Bool]) -> [(offset: Int, text: String)] {
        func isNumeral(_ index: Int) -> Bool {
            index < text.count && !masked[index] && (chineseDigits.contains(text[index]) || chineseScales.contains(text[index]))
        }
        func run(from start: Int) -> Int { start + (start..<text.count).prefix(while: isNumeral).count }
        var found: [(offset: Int, text: String)] = []
        var start = 0
        while start < text.count {
            guard isNumeral(start), start == 0 || !isNumeral(start - 1) else {
                start += 1
                continue
            }
            var end = run(from: start)
            defer { start = end }
            let numeral = String(text[start..<end])
            if start > 0, text[start - 1] == "第" { continue }
            if end + 2 < text.count, text[end] == "分", text[end + 1] == "之", isNumeral(end + 2) {
                end = run(from: end + 2)
                found.append((start, String(text[start..<end])))
                continue
            }
            let onlyScales = numeral.allSatisfy(chineseScales.contains)
            if onlyScales, start > 0, masked[start - 1] { continue }
            let next = end < text.count ? text[end] : nil
            let counted: Bool
            if numeral == "一" {
                counted = next.map(quantitiesOfOne.contains) ?? false
            } else if numeral.count >= 2, numeral.contains(where: chineseScales.contains), numeral != "万一" {
                counted = true
            } else {
                counted = next.map { $0 != "十" && quantityWords.contains($0) } ?? false
            }
            guard counted else { continue }
            if let next, quantityWords.contains(next) { end += 1 }
            found.append((start, String(text[start..<end])))
        }
        return found
    }

    static func firstIndex(of needle: [Character], in text: [Character], from start: Int) -> Int? {
        guard start + needle.count <= text.count else { return nil }
        return (start...(text.count - needle.count)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func mask(_ range: Range<Int>, _ masked: inout [Bool]) {
        for index in range where index < masked.count { masked[index] = true }
    }
}

@Suite struct TypedNumbersTests {
    /// The typed numbers of `markdown`, as shown.
    func typed(_ markdown: String) -> [String] {
        TypedNumbers.find(in: markdown, file: "a.md").map(\.text)
    }

    @Test func aNumberInTheProseIsCountedAsWritten() {
        #expect(typed("It raised $1.9B from 3,584 GPUs, up 62% and 2.3×.") == ["$1.9B", "3,584", "62%", "2.3×"])
        #expect(typed("Interest rose 35–45% and then −12.") == ["35", "45%", "−12"])
        #expect(typed("Not a year: 2,024 and $2025 and 2024% and 12345.") == ["2,024", "$2025", "2024%", "12345"])
    }

    @Test func aYearStandingAloneIsNotCounted() {
        #expect(typed("CoreWeave listed in 2025, after 2022–2024 and into the 2020s.").isEmpty)
        #expect(typed("In 2025 it made 42 claims.") == ["42"])
    }

    @Test func inlineValuesAndFencedBlocksAreNotCounted() {
        #expect(typed("It lost `=coreweave_financials.net_loss_usd_m[year=2024]|usd_m` in 2024.").isEmpty)
        #expect(typed("Of `=count(d)`, ``=count(d[status=confirmed]) / 2`` held.").isEmpty)
        #expect(typed("A code span that is no inline value: `folio 42`.") == ["42"])
        #expect(typed("Before.\n\n```chart\ny: 42\ntitle: 1.5B\n```\n\n~~~~\n17\n~~~~\nAfter 7.") == ["7"])
        // An unclosed fence runs to the end of the article.
        #expect(typed("```claim\nholds: 2 * 3 > 5\n\nText 9.").isEmpty)
    }

    @Test func quotationsAreNotCounted() {
        #expect(typed("The FT wrote of “$7.5bn in looming repayments” and \"up to 35× faster\".").isEmpty)
        #expect(typed("> A block quote says 80%.").isEmpty)
        #expect(typed("“Quoted 5” then 6, \"quoted 7\" then 8.") == ["6", "8"])
        #expect(typed("Titled 'Microsoft Passed on $12 Billion' (or ‘4Q profit’), CoreWeave's 5 sites.") == ["5"])
        #expect(typed("The founders' 3 sales and CoreWeave’s 4 rivals; 'open 6") == ["3", "4", "6"])
    }

    @Test func headingsAndFrontMatterAreNotCounted() {
        #expect(typed("---\ntitle: 42 claims\ndate: 2026-11-30\n---\n\n## Results for 26 claims\n\nText.").isEmpty)
        #expect(typed("Setext heading with 12\n---\n\nBody 13.") == ["13"])
        #expect(typed("#42 is not a heading.") == ["42"])
    }

    @Test func datesAreNotCounted() {
        #expect(typed("Filed 2025-03-03, priced 2025-03-27, listed in 2025-03.").isEmpty)
        #expect(typed("On 28 March, on March 28, 2025 and on 1st May.").isEmpty)
        #expect(typed("Not dates: 32 March, 0 May and 12 Marches.") == ["32", "0", "12"])
    }

    @Test func linkTargetsNamesAndListMarkersAreNotCounted() {
        #expect(typed("See [the filing](https://sec.gov/1769628/000119312525044231.htm) and <https://a.b/42>.").isEmpty)
        #expect(typed("[42 claims](claims-check.md#part-2) were checked.") == ["42"])
        #expect(typed("H100s beat A100s in the S-1, GPT-3 and Q4 runs, says the 10-K (Form 424B4).").isEmpty)
        #expect(typed("Files 2025_05/income_statement.md and 2026_04_15_notes.md, filed 2025-03-19/20.").isEmpty)
        #expect(typed("A 3-year deal, 10-Kb, 8-k.") == ["3", "10", "8"])
        #expect(typed("1. First\n2. Second with 5\n\nA line ending in\n3. is prose") == ["5", "3"])
        #expect(typed("<!-- 12 -->A <span title=\"3\">tag</span>.").isEmpty)
    }

    @Test func chineseNumeralsWithAQuantityAreCounted() {
        #expect(typed("收入增长到三倍，一半来自微软，两成来自英伟达。") == ["三倍", "一半", "两成"])
        #expect(typed("五家公司合计十亿美元，约三分之一，百分之八十的投票权，为期两年。") == ["五家", "十亿", "三分之一", "百分之八十", "两年"])
        #expect(typed("翻了一番，一倍以上。") == ["一番", "一倍"])
    }

    @Test func chineseWordsThatAreNotQuantitiesAreNotCounted() {
        // 一 as the article, 之一, ordinals, a scale after an inline value, dates and years.
        #expect(typed("这是其中之一，唯一的一家客户；第一季度和下半年；`=d.c[x=1]`百万股，`=d.c[x=2]`万。").isEmpty)
        #expect(typed("2025年3月28日，2024财年，2022–2025年，12月的数字。").isEmpty)
        #expect(typed("英伟达H100、S-1文件和GPT-3基准").isEmpty)
    }

    @Test func digitsInChineseProseAreCounted() {
        // A digit after an ideograph is no part of a name, and 万 after digits is a scale, not a year.
        #expect(typed("收入为2000万美元，增长了3倍，有5家公司，13个月。") == ["2000万", "3倍", "5家", "13个"])
        #expect(typed("约3亿美元") == ["3亿"])
    }

    @Test func eachNumberGivesItsFileAndLine() {
        let found = TypedNumbers.find(in: "---\nt: 1\n---\n\nFirst 2025.\nSecond `=d.c[x=1]` and\n7 more.", file: "page.md")
        #expect(found == [TypedNumber(file: "page.md", line: 7, text: "7")])
        #expect(found.map(\.description) == ["page.md:7: 7"])
    }
}

@Suite struct TypedNumbersInTheReport {
    /// Issue 12: at most ten numbers typed by hand in the whole report's prose; the rest are inline values.
    @Test func theReportTypesAtMostTenNumbers() throws {
        let typed = try TypedNumbers.find(inArticlesOf: BuiltReport.repository.appendingPathComponent("Content"))
        #expect(typed.count <= 10, "\(typed.count) numbers typed in Content/*.md:\n\(typed.map(\.description).joined(separator: "\n"))")
    }
}
