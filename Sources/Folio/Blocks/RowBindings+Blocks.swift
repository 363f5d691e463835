import FolioCore

/// `@COLUMN` wherever a selector's or `where:` value goes (SPEC §2): the parsed requests and
/// expressions of a page, their values resolved against its bindings (nil off a page made from data).
struct BoundValues {
    let bindings: RowBindings?

    func conditions(_ conditions: [RowCondition]) throws(Diagnostics) -> [RowCondition] {
        var problems = DiagnosticCollector()
        let bound = conditions.map { condition in
            var condition = condition
            if let value = problems.capture({ () throws(Diagnostic) in
                try RowBindings.resolve(condition.value, bindings: bindings, at: condition.valueLocation)
            }) {
                condition.value = value
            }
            return condition
        }
        try problems.throwIfAny()
        return bound
    }

    func selectors(
        _ selectors: [InlineValueExpression.Selector], at locations: [SourceLocation]
    ) throws(Diagnostic) -> [InlineValueExpression.Selector] {
        var bound: [InlineValueExpression.Selector] = []
        for (selector, location) in zip(selectors, locations) {
            guard case .compare(let column, let op, let value) = selector else {
                bound.append(selector)
                continue
            }
            bound.append(.compare(column: column, op: op, value: try RowBindings.resolve(value, bindings: bindings, at: location)))
        }
        return bound
    }

    func expression(_ expression: ComputedExpression) throws(Diagnostic) -> ComputedExpression {
        switch expression {
        case .number: return expression
        case .cell(let reference): return .cell(try self.reference(reference))
        case .aggregate(let aggregate, let reference): return .aggregate(aggregate, try self.reference(reference))
        case .negate(let inner): return .negate(try self.expression(inner))
        case .binary(let op, let left, let right, let at): return .binary(op, try self.expression(left), try self.expression(right), at: at)
        }
    }

    func condition(_ condition: ClaimCondition) throws(Diagnostic) -> ClaimCondition {
        switch condition {
        case .compare(let op, let left, let right): return .compare(op, try expression(left), try expression(right))
        case .and(let a, let b): return .and(try self.condition(a), try self.condition(b))
        case .or(let a, let b): return .or(try self.condition(a), try self.condition(b))
        case .not(let inner): return .not(try self.condition(inner))
        }
    }

    private func reference(_ reference: CellReference) throws(Diagnostic) -> CellReference {
        var reference = reference
        reference.selectors = try selectors(reference.selectors, at: reference.valueLocations)
        return reference
    }

    /// `=@COLUMN`: the page's value, as text; nil for any other span.
    func value(_ code: InlineCode) throws(Diagnostic) -> BlockOutput? {
        guard code.code.hasPrefix("=@") else { return nil }
        let value = try RowBindings.resolve(
            String(code.code.dropFirst()), bindings: bindings, at: code.location.offset(lines: 0, column: code.location.column + 2))
        return BlockOutput(
            content: .html(Escape.html(value)), ids: [], artifacts: [],
            record: BlockRecord(id: code.code, kind: .value, title: nil, dataset: bindings?.dataset, cells: [[value]]),
            datasets: bindings.map { [$0.ownRows] } ?? [])
    }
}
