import Foundation
import Testing

@testable import FolioCharts

@Suite struct ScaleTests {
    @Test func linearScaleMapsDomainOntoRange() {
        let scale = LinearScale(domain: (0, 100), range: (300, 0))
        #expect(scale(0) == 300)
        #expect(scale(100) == 0)
        #expect(scale(25) == 225)
        #expect(scale.zero == 300)
    }

    @Test func linearScaleStaysFiniteForTheLargestDoubles() {
        let scale = LinearScale(domain: (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude), range: (0, 100))
        #expect(scale(0) == 50)
        #expect(scale(.greatestFiniteMagnitude) == 100)
    }

    @Test func linearScaleWithAnEmptyDomainUsesTheMiddle() {
        #expect(LinearScale(domain: (5, 5), range: (0, 10))(5) == 5)
    }

    @Test func bandScaleSplitsTheRange() {
        let band = BandScale(count: 4, range: (0, 400), paddingInner: 0, paddingOuter: 0)
        #expect(band.step == 100)
        #expect(band.bandwidth == 100)
        #expect(band.position(2) == 200)
        #expect(band.center(0) == 50)
    }

    @Test func bandScalePaddingLeavesGaps() {
        let band = BandScale(count: 2, range: (0, 100), paddingInner: 0.5, paddingOuter: 0.25)
        // slots = 2 - 0.5 + 0.5 = 2, step 50, bandwidth 25, first band at 12.5
        #expect(band.step == 50)
        #expect(band.bandwidth == 25)
        #expect(band.position(0) == 12.5)
        #expect(band.position(1) + band.bandwidth == 87.5)
    }
}

@Suite struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 1915.4, true, [0.0, 500, 1000, 1500, 2000]),
        (-863.4, 1915.4, true, [-1000.0, 0, 1000, 2000]),
        (15.8, 1915.4, false, [0.0, 500, 1000, 1500, 2000]),
        (60.0, 105, true, [0.0, 25, 50, 75, 100, 125]),
        (13.9, 80, false, [0.0, 20, 40, 60, 80]),
        (-5.0, -1, true, [-5.0, -4, -3, -2, -1, 0]),
        (0.0, 0.62, true, [0.0, 0.2, 0.4, 0.6, 0.8]),
        (1.2, 15.1, true, [0.0, 5, 10, 15, 20]),
    ])
    func ticksAreRoundAndCoverTheData(lower: Double, upper: Double, zero: Bool, expected: [Double]) {
        let ticks = NiceTicks(lower: lower, upper: upper, includeZero: zero)
        #expect(ticks.values.count == expected.count)
        for (tick, want) in zip(ticks.values, expected) {
            #expect(abs(tick - want) < 1e-9 * max(1, abs(want)), "\(ticks.values) vs \(expected)")
        }
        #expect(ticks.lower <= min(lower, upper))
        #expect(ticks.upper >= max(lower, upper))
    }

    @Test(arguments: [0.0003, 0.7, 3, 17, 99, 101, 999, 12_345, 6.5e9, 1e15, 1e308])
    func stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(upper: Double) {
        let ticks = NiceTicks(lower: 0, upper: upper, includeZero: true)
        #expect((3...6).contains(ticks.values.count), "\(ticks.values)")
        #expect(ticks.values.first == 0)
        #expect(ticks.upper >= upper)
        let step = ticks.values[1] - ticks.values[0]
        let mantissa = step / pow(10, floor(log10(step)))
        #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-6 }, "step \(step)")
    }

    @Test func barsAlwaysIncludeZero() {
        let ticks = NiceTicks(lower: 60, upper: 80, includeZero: true)
        #expect(ticks.lower == 0)
    }

    @Test func linesMayStartAboveZero() {
        let ticks = NiceTicks(lower: 96, upper: 104, includeZero: false)
        #expect(ticks.lower > 0)
        #expect(ticks.lower <= 96 && ticks.upper >= 104)
    }

    @Test func oneValueOrAllZeroStillGivesAnAxis() {
        let zero = NiceTicks(lower: 0, upper: 0, includeZero: true)
        #expect(zero.lower == 0 && zero.upper == 1)
        let single = NiceTicks(lower: 42, upper: 42, includeZero: false)
        #expect(single.lower == 0 && single.upper >= 42)
    }

    @Test func respectsTheMaximumCount() {
        for count in 2...6 {
            #expect(NiceTicks(lower: 0, upper: 987, includeZero: true, maxCount: count).values.count <= count)
        }
    }

    @Test func nearTheLargestDoubleTicksStayFinite() {
        let ticks = NiceTicks(lower: 0, upper: 1.7e308, includeZero: true)
        #expect(ticks.values.allSatisfy { $0.isFinite })
        #expect(ticks.upper >= 1.7e308)
    }
}
