import FolioData

/// The name shown for a column: its sidecar label, else one made from its name (`net_loss_usd_m` → `Net loss`).
enum ColumnLabel {
    static func of(_ column: DatasetColumn, in language: String = "en") -> String { column.label(in: language) ?? make(column.name) }

    static let unitSuffixes = ["_usd_k", "_usd_m", "_usd_b", "_usd", "_pct", "_percent", "_share", "_m", "_b"]

    static func make(_ name: String) -> String {
        var base = name
        for suffix in unitSuffixes where base.hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
            break
        }
        let words = base.replacingUnderscores
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
