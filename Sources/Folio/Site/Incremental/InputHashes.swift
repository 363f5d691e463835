import FolioContent
import FolioData
import FolioTemplates
import Foundation

/// Hashes of the inputs pages are made from, computed once per build.
struct InputHashes {
    /// Changes whenever folio itself changes (the running executable's size and modification time),
    /// so a new folio never reuses pages an old one rendered.
    static let rendererVersion: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "folio-unknown" }
        return "folio \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// The hash of what every page reads: folio itself, the options, `site.yml`, every article's front matter.
    let structure: String
    private let articles: [String: String]
    /// Each dataset's hash, with those of what it reads, all the way down.
    let datasets: [String: String]
    /// The hash of each page's own rows, for a page made from data (`TemplatePages.ownRowHashes`).
    private let ownRows: [String: String]
    private let layouts: [String: String]

    /// `reads`: each derived dataset → what it read, so its hash covers theirs.
    /// `dataAsOf`: `site.yml`'s `data_as_of` as shown, which every page shows and which may be computed from the data;
    /// `datasetHashes`: `ownHashes(of: snapshot)`, computed once by the loader.
    /// `structure`: the site's structure hash when it is known not to have changed (a build after body
    /// edits alone); `loaded` then need hold only the articles whose pages are rendered.
    init(
        snapshot: ProjectSnapshot, articles loaded: [LoadedArticle], reads: [String: [String]] = [:], dataAsOf: String? = nil,
        datasetHashes: [String: String], options: BuildOptions, structure known: String? = nil, ownRows: [String: String] = [:]
    ) {
        self.ownRows = ownRows
        var articleHashes: [String: String] = [:]
        articleHashes.reserveCapacity(loaded.count)
        for article in loaded { articleHashes[article.file.path] = article.hash }
        // An article that failed to load is not in `loaded`, and the build fails.
        articles = articleHashes
        self.structure =
            known
            ?? Self.structure(
                siteConfig: snapshot.siteConfig?.bytes ?? [], dataAsOf: dataAsOf, options: options,
                frontMatters: loaded.lazy.map { ($0.file.path, $0.frontMatterHash) })

        datasets = Self.withReads(datasetHashes, reads: reads)

        var sources: [String: TemplateSource] = [:]
        var layoutNames: [String] = []
        for source in snapshot.templates {
            sources[source.name] = source
            if source.kind == .layout { layoutNames.append(source.name) }
        }
        var layoutHashes: [String: String] = [:]
        for layout in layoutNames {
            var seen: [String] = []
            // Pages render the chart partial themselves, outside any layout's references.
            var pending = [layout, DefaultPartials.chart]
            while let name = pending.popLast() {
                guard !seen.contains(name), let source = sources[name] else { continue }
                seen.append(name)
                pending += source.references
            }
            // Every layout says the theme's words.
            let words = snapshot.themeWords.sorted { $0.displayPath < $1.displayPath }.flatMap { [$0.displayPath, $0.text] }
            layoutHashes[layout] = ContentHash.combine(seen.sorted().flatMap { [$0, sources[$0]?.text ?? ""] } + words)
        }
        layouts = layoutHashes
    }

    /// What navigation, previous/next, links and feeds read: folio itself, the options, `site.yml`,
    /// `data_as_of` as shown, and every article's front matter (`frontMatters`: path and hash, in path order).
    static func structure(
        siteConfig: [UInt8], dataAsOf: String?, options: BuildOptions, frontMatters: some Sequence<(path: String, hash: String)>
    ) -> String {
        var structure = ContentHash.Running()
        structure.add(rendererVersion)
        structure.add(ContentHash.of(siteConfig))
        structure.add("drafts=\(options.drafts) base=\(options.baseURL ?? "") data_as_of=\(dataAsOf ?? "")")
        for (path, hash) in frontMatters {
            structure.add(path)
            structure.add(hash)
        }
        return structure.finish()
    }

    /// Each dataset's hash of its own files (data or query, and sidecar), by dataset name.
    static func ownHashes(of snapshot: ProjectSnapshot) -> [String: String] {
        var byDataset: [String: [String]] = [:]
        for file in snapshot.dataFiles {
            let name = String(file.path.dropFirst("data/".count))
            // A file that names no dataset fails the build, so no page is reused with it.
            guard let dataset = DatasetFileName(name)?.dataset else { continue }
            byDataset[dataset, default: []] += [name, ContentHash.of(file.bytes)]
        }
        // folio itself is part of each hash: a dataset a previous build read is trusted only by the same folio.
        return byDataset.mapValues { ContentHash.combine([rendererVersion] + $0) }
    }

    /// The hash of everything a dataset was made from (for a derived one, what it read, all the way
    /// down), and of folio itself: a derived dataset whose hash is unchanged gives the same rows.
    func derivedFingerprint(_ name: String) -> String { Self.derivedFingerprint(hash: datasets[name]) }

    /// The fingerprint of a derived dataset whose inputs hash to `hash` (from `withReads`).
    static func derivedFingerprint(hash: String?) -> String {
        ContentHash.combine([rendererVersion, hash ?? "missing"])
    }

    /// Each derived dataset's hash followed by the hashes of what it read, all the way down
    /// (the Query stage refuses cycles).
    static func withReads(_ own: [String: String], reads: [String: [String]]) -> [String: String] {
        var done: [String: String] = [:]
        func hash(_ name: String, depth: Int) -> String {
            if let known = done[name] { return known }
            let parts =
                [own[name] ?? "missing"] + (depth > reads.count ? [] : (reads[name] ?? []).flatMap { [$0, hash($0, depth: depth + 1)] })
            let combined = reads[name] == nil ? (own[name] ?? "missing") : ContentHash.combine(parts)
            done[name] = combined
            return combined
        }
        for name in Set(own.keys).union(reads.keys) { _ = hash(name, depth: 0) }
        return done
    }

    /// Everything a page was made from: its article, the site's structure, its layout and the
    /// templates that layout uses, and the datasets it read.
    /// A page made from data is its template's file (`file`), and `used` holds its own rows (`RowBindings.ownRows`).
    func fingerprint(article: Article, file: String, datasets used: [String]) -> String {
        var parts = [structure, articles[file] ?? "", layouts[article.layout] ?? ""]
        for name in used.sorted() { parts += [name, datasets[name] ?? ownRows[name] ?? "missing"] }
        return ContentHash.combine(parts)
    }
}
