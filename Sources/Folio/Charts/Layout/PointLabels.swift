/// Names beside points, placed in order: each takes the first of right, left, above and below
/// that stays inside the bounds and clears every point and every name placed before it; a name
/// with no such place is dropped (nil) rather than drawn over another.
enum PointLabels {
    static func place(
        _ points: [(text: String, x: Double, y: Double)], radius: Double, within bounds: Rect
    ) -> [(x: Double, y: Double, anchor: String)?] {
        let size = ChartCanvas.labelSize
        let dots = points.map { Rect(x: $0.x - radius, y: $0.y - radius, width: 2 * radius, height: 2 * radius) }
        var placed: [Rect] = []
        return points.map { point in
            let width = TextMetrics.width(point.text, size: size)
            let gap = radius + 3
            let candidates: [(x: Double, y: Double, anchor: String, box: Rect)] = [
                (
                    point.x + gap, point.y + size * 0.35, "start",
                    Rect(x: point.x + gap, y: point.y - size * 0.45, width: width, height: size)
                ),
                (
                    point.x - gap, point.y + size * 0.35, "end",
                    Rect(x: point.x - gap - width, y: point.y - size * 0.45, width: width, height: size)
                ),
                (point.x, point.y - gap, "middle", Rect(x: point.x - width / 2, y: point.y - gap - size * 0.8, width: width, height: size)),
                (point.x, point.y + gap + size * 0.8, "middle", Rect(x: point.x - width / 2, y: point.y + gap, width: width, height: size)),
            ]
            for candidate in candidates {
                let box = candidate.box
                let inside =
                    box.x >= bounds.x && box.x + box.width <= bounds.x + bounds.width && box.y >= bounds.y
                    && box.y + box.height <= bounds.y + bounds.height
                guard inside, !placed.contains(where: { $0.overlaps(box, margin: 2) }),
                    !dots.contains(where: { $0.overlaps(box, margin: 1) })
                else { continue }
                placed.append(box)
                return (candidate.x, candidate.y, candidate.anchor)
            }
            return nil
        }
    }
}
