import Folio
import Foundation
import Testing

/// Random edits, each followed by an incremental build that must equal a clean build byte for byte
/// and must re-render exactly the pages the edit touched.
@Suite struct IncrementalBuildTests {
    /// SplitMix64: a small seeded generator, so a failing sequence can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The project, kept as a model so the test knows which pages each edit touches.
    struct Model {
        var articles: [String: (dataset: String?, layout: String, title: String, body: String)] = [:]
        var datasets: [String: [Int]] = [:]

        func file(_ name: String) -> String {
            guard let article = articles[name] else { return "" }
            var text = "---\ntitle: \(article.title)\nlayout: \(article.layout)\n---\n\(article.body)\n"
            if let dataset = article.dataset {
                text +=
                    "\nThe last value is `=\(dataset).value[last]`.\n\n```chart\ntype: bar\ndata: \(dataset)\nx: year\ny: value\ntitle: \(dataset) by year\n```\n"
            }
            return text
        }

        func csv(_ name: String) -> String {
            "year,value\n" + (datasets[name] ?? []).enumerated().map { "\(2020 + $0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
        }

        func pages(using dataset: String) -> Set<String> {
            Set(articles.filter { $0.value.dataset == dataset }.map { "Content/\($0.key).md" })
        }

        func pages(withLayout layout: String) -> Set<String> {
            Set(articles.filter { $0.value.layout == layout }.map { "Content/\($0.key).md" })
        }

        var allPages: Set<String> { Set(articles.keys.map { "Content/\($0).md" }) }
    }

    func write(_ model: Model, to site: SiteFixture) throws {
        for name in model.articles.keys { try site.write("Content/\(name).md", model.file(name)) }
        for name in model.datasets.keys { try site.write("Content/data/\(name).csv", model.csv(name)) }
    }

    /// A clean build of the same inputs, in a fresh folder.
    func cleanBuild(of site: SiteFixture) throws -> [String: [UInt8]] {
        let clean = try SiteFixture("", theme: false)
        defer { clean.remove() }
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent(folder), to: clean.root.appendingPathComponent(folder))
        }
        try clean.build()
        return clean.tree()
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func randomEditsMatchACleanBuildAndRenderOnlyWhatChanged(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        var model = Model()
        model.datasets = ["alpha": [1, 2, 3], "beta": [10, 20], "gamma": [5]]
        model.articles["index"] = (nil, "page", "Home", "The front page.")
        for (number, dataset) in ["alpha", "beta", "gamma", "alpha", nil].enumerated() {
            model.articles["a\(number)"] = (dataset, number.isMultiple(of: 2) ? "page" : "wide", "Article \(number)", "Body \(number).")
        }
        let site = try SiteFixture("-- Content/site.yml --\ntitle: Incremental\n")
        defer { site.remove() }
        try site.write(
            "Templates/layouts/wide.mustache",
            site.read("Templates/layouts/page.mustache").replacingOccurrences(of: "class=\"article", with: "class=\"wide article"))
        try write(model, to: site)
        let first = try site.build()
        #expect(first.rendered.count == model.articles.count)
        #expect(try site.build().rendered == [], "a no-op build rendered pages")

        var nextArticle = 10
        for step in 0..<24 {
            var expected: Set<String>
            let articleNames = model.articles.keys.filter { $0 != "index" }.sorted()
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                let name = articleNames.randomElement(using: &random) ?? "a0"
                model.articles[name]?.body += " More \(step)."
                expected = ["Content/\(name).md"]
            case 1:
                let dataset = ["alpha", "beta", "gamma"].randomElement(using: &random) ?? "alpha"
                model.datasets[dataset]?.append(Int.random(in: 1...99, using: &random))
                expected = model.pages(using: dataset)
            case 2:
                model.articles["a\(nextArticle)"] = (nil, "page", "Article \(nextArticle)", "New.")
                nextArticle += 1
                expected = model.allPages
            case 3 where articleNames.count > 2:
                let name = articleNames.randomElement(using: &random) ?? "a0"
                model.articles[name] = nil
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/\(name).md"))
                expected = model.allPages
            case 4:
                let text = site.read("Templates/layouts/wide.mustache")
                try site.write("Templates/layouts/wide.mustache", text + "<!-- edit \(step) -->\n")
                expected = model.pages(withLayout: "wide")
            case 5:
                let name = articleNames.randomElement(using: &random) ?? "a0"
                model.articles[name]?.title += " (revised)"
                expected = model.allPages
            default:
                let text = site.read("Templates/partials/footer.mustache")
                try site.write("Templates/partials/footer.mustache", text + "<!-- footer \(step) -->\n")
                expected = model.allPages
            }
            try write(model, to: site)
            let summary = try site.build()
            #expect(Set(summary.rendered) == expected, "seed \(seed) step \(step)")
            #expect(differences(site.tree(), try cleanBuild(of: site)) == [], "seed \(seed) step \(step)")
        }
    }

    @Test func aNoOpBuildWritesNothingAndDoesNotSwapTheOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let marker = site.root.appendingPathComponent("Output/.folio-build")
        let before = try FileManager.default.attributesOfItem(atPath: marker.path)
        let inode = before[.systemFileNumber] as? Int
        let folder =
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Output").path)[.systemFileNumber] as? Int
        let summary = try site.build()
        #expect(summary.rendered == [])
        #expect(try FileManager.default.attributesOfItem(atPath: marker.path)[.systemFileNumber] as? Int == inode)
        #expect(
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Output").path)[.systemFileNumber] as? Int
                == folder)
    }

    @Test func theChangeReportNamesThePageTheDatasetAndOldAndNewValues() throws {
        let site = try SiteFixture(GoldenSiteTests.site)
        defer { site.remove() }
        try site.build()
        try site.write("Content/data/fin.csv", site.read("Content/data/fin.csv").replacingOccurrences(of: "-863.4", with: "-1210"))
        let summary = try site.build()
        #expect(summary.rendered == ["Content/detail.md", "Content/index.md"])
        #expect(
            summary.changes == [
                "Content/detail.md: table 1 (fin) changed",
                "Content/index.md: chart 'Losses grew faster than revenue' (fin) Net loss [2024] \u{2212}$863M \u{2192} \u{2212}$1.21B",
                "Content/index.md: fin.net_loss_usd_m[last]|usd_m \u{2212}$863M \u{2192} \u{2212}$1.21B",
            ])
        try site.write("Content/extra.md", "---\ntitle: Extra\n---\nNew page.\n")
        #expect(try site.build().changes == ["Content/extra.md: page added (extra.html)"])
    }

    @Test func aStateThatCannotBeSavedIsAWarningAndTheSiteIsStillBuilt() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        // A regular file where the state folder goes: the site can be written, its state cannot.
        try site.write(".folio", "not a folder\n")
        let first = try site.build()
        #expect(
            first.warnings == [
                "could not save the build state at .folio/Output.state.json: Not a directory; the next build renders every page again"
            ])
        #expect(differences(site.tree(), try cleanBuild(of: site)) == [])
        #expect(site.read(".folio") == "not a folder\n")

        // Without a state, the next build renders every page again, and says so again.
        let second = try site.build()
        #expect(second.rendered.count == second.pages && second.pages == 3)
        #expect(second.warnings == first.warnings)

        // Once the state can be saved, there is no warning and the build after it reuses every page.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".folio"))
        #expect(try site.build().warnings == [])
        let fourth = try site.build()
        #expect(fourth.rendered == [] && fourth.warnings == [])
    }

    @Test func theStateWarningNamesTheStateFileBesideANestedOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.write("public/.folio", "not a folder\n")
        let summary = try Build.run(ProjectLayout(output: "public/site", base: site.root))
        #expect(
            summary.warnings == [
                "could not save the build state at public/.folio/site.state.json: Not a directory; the next build renders every page again"
            ])
        #expect(site.read("public/site/index.html").contains("href=\"analysis/ipo.html#pricing\""))
    }

    @Test func aRemovedArticleMakesLinksToItErrors() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/debt.md"))
        let errors = site.errors()
        #expect(errors.map(\.location.path) == ["Content/analysis/ipo.md", "Content/index.md"])
        #expect(site.tree()["debt.html"] != nil, "a failed build must leave the previous output")
    }
}
