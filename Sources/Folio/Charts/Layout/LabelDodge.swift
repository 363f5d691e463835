/// Moves labels apart along one axis so none overlap, keeping each as close to its mark as it can.
enum LabelDodge {
    /// New centres for items given as (wanted centre, height), kept inside `bounds` where possible.
    static func spread(_ items: [(centre: Double, height: Double)], within bounds: ClosedRange<Double>) -> [Double] {
        let order = items.indices.sorted { items[$0].centre < items[$1].centre }
        var centres = items.map(\.centre)
        var previousBottom = -Double.infinity
        for index in order {
            let half = items[index].height / 2
            centres[index] = max(centres[index], previousBottom + half)
            previousBottom = centres[index] + half
        }
        // Pull back up from the bottom edge if the stack overflowed it.
        var nextTop = bounds.upperBound + (items.map(\.height).max() ?? 0) / 2
        for index in order.reversed() {
            let half = items[index].height / 2
            centres[index] = min(centres[index], nextTop - half)
            nextTop = centres[index] - half
        }
        return centres
    }
}
