/// The chart types a build knows, in the order messages list them. A value passed to whoever
/// parses or renders blocks: `ChartCatalog.standard.adding(myType)` extends it without globals.
public struct ChartCatalog: Sendable {
    public let types: [ChartType]

    /// A type whose name is already listed replaces the earlier one, in its place.
    public init(_ types: [ChartType]) {
        var kept: [ChartType] = []
        for type in types {
            if let index = kept.firstIndex(of: type) { kept[index] = type } else { kept.append(type) }
        }
        self.types = kept
    }

    /// These types and `type` (replacing a type of the same name).
    public func adding(_ type: ChartType) -> ChartCatalog { ChartCatalog(types + [type]) }

    public func type(named name: String) -> ChartType? { types.first { $0.name == name } }

    public var names: [String] { types.map(\.name) }

    /// The names of the types that take `key`, for "expected it only for …".
    public func names(taking key: String) -> [String] { types.filter { $0.takes(key) }.map(\.name) }

    /// Every channel key some type takes, each once, in catalog order.
    public var channelKeys: [String] { unique(types.flatMap { $0.channels.map(\.key) }) }

    /// Every option some type takes, in declaration order.
    public var options: [ChartOption] { ChartOption.allCases.filter { option in types.contains { $0.options.contains(option) } } }

    private func unique(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }
}
