/// What changed for a reader between two builds, one line each, sorted:
/// `Content/losses.md: coreweave_financials.net_loss_usd_m[year=2025] −$1.17B → −$1.21B`.
enum ChangeReport {
    /// `only`: the pages that may have changed (the others are known to be as they were), nil for every page.
    static func lines(from previous: BuildState?, to current: BuildState, only: Set<String>? = nil) -> [String] {
        guard let previous else { return [] }
        var lines: [String] = []
        if let only {
            for path in only {
                guard let page = current.pages[path], let old = previous.pages[path] else { continue }
                lines += changes(source: page.source, from: old, to: page)
            }
            return lines.sorted()
        }
        for (path, page) in current.pages where previous.pages[path] == nil {
            lines.append("\(page.source): page added (\(path))")
        }
        for (path, page) in previous.pages where current.pages[path] == nil {
            lines.append("\(page.source): page removed (\(path))")
        }
        for (path, page) in current.pages {
            guard let old = previous.pages[path] else { continue }
            lines += changes(source: page.source, from: old, to: page)
        }
        return lines.sorted()
    }

    /// What changed on one page: its inline values, tables, claims and charts.
    static func changes(source: String, from old: BuildState.PageRecord, to page: BuildState.PageRecord) -> [String] {
        var lines: [String] = []
        for (expression, value) in page.values {
            if let before = old.values[expression], before != value {
                lines.append("\(source): \(expression.dropFirst()) \(before) \u{2192} \(value)")
            }
        }
        for (table, digest) in page.tableDigests where old.tableDigests[table].map({ $0 != digest }) ?? false {
            lines.append("\(source): \(table) changed")
        }
        for (text, claim) in page.claims {
            guard let before = old.claims[text] else { continue }
            lines += claimChanges(source: source, text: text, before: before, after: claim)
        }
        for (id, numbers) in page.charts {
            guard let before = old.charts[id], before != numbers else { continue }
            lines += chartChanges(source: source, title: page.chartTitles[id] ?? id, before: before, after: numbers)
        }
        return lines
    }

    /// One line for a claim whose operands moved:
    /// `Content/losses.md:41: claim "Debt nearly tripled": fin.debt[year=2025] 8,000 → 11,100`.
    static func claimChanges(source: String, text: String, before: BuildState.ClaimRecord, after: BuildState.ClaimRecord) -> [String] {
        let old = Dictionary(before.operands.map { ($0.first ?? "", $0.last ?? "") }) { first, _ in first }
        let moved = after.operands.compactMap { operand -> String? in
            guard let written = operand.first, let value = operand.last, let previous = old[written], previous != value else { return nil }
            return "\(written) \(previous) \u{2192} \(value)"
        }
        guard !moved.isEmpty else { return [] }
        return ["\(source):\(after.line): claim \"\(text)\": " + moved.joined(separator: "; ")]
    }

    /// One line per cell that changed; categories added or removed are named too.
    static func chartChanges(source: String, title: String, before: [[String]], after: [[String]]) -> [String] {
        let header = after.first ?? []
        let oldRows = Dictionary(before.dropFirst().map { ($0.first ?? "", $0) }) { first, _ in first }
        var lines: [String] = []
        for row in after.dropFirst() {
            let category = row.first ?? ""
            guard let old = oldRows[category] else {
                lines.append("\(source): chart \(title) adds \(category)")
                continue
            }
            for column in row.indices.dropFirst() where column < old.count && old[column] != row[column] {
                let series = column < header.count ? header[column] : "value"
                lines.append("\(source): chart \(title) \(series) [\(category)] \(old[column]) \u{2192} \(row[column])")
            }
        }
        let newCategories = Set(after.dropFirst().map { $0.first ?? "" })
        for category in oldRows.keys where !newCategories.contains(category) {
            lines.append("\(source): chart \(title) drops \(category)")
        }
        return lines
    }
}
