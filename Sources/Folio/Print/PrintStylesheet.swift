/// The print document's stylesheet: A4 pages with running heads (the report's title, the
/// article's) and page numbers, the table of contents' page numbers, and the rules that keep a
/// chart with its source line and a table row on one page, repeating a table's header row.
/// Literal colours only: WeasyPrint 57 ignores `var()`.
enum PrintStylesheet {
    static let css = """
        @page {
          size: A4;
          margin: 24mm 18mm 22mm;
          @top-left { content: string(report); font: 8.5pt "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #5c5c5c; }
          @top-right { content: string(article); font: 8.5pt "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #5c5c5c; }
          @bottom-center { content: counter(page); font: 9pt "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #5c5c5c; }
        }
        @page :first {
          @top-left { content: none; }
          @top-right { content: none; }
          @bottom-center { content: none; }
        }
        html { font: 10.5pt/1.5 "Noto Serif", "DejaVu Serif", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #1a1a1a; }
        html:lang(zh) { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; line-height: 1.75; }
        h1, h2, h3, h4, figcaption, th, .contents { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif; }
        a { color: #0b5394; text-decoration: none; }
        .cover { page-break-after: always; padding-top: 60mm; }
        .report-title { string-set: report content(); font-size: 28pt; line-height: 1.2; margin: 0 0 8mm; }
        .report-description { font-size: 14pt; color: #333; }
        .report-author, .report-date { color: #5c5c5c; }
        .contents { page-break-after: always; }
        .contents ol { list-style: none; padding: 0; }
        .contents li { margin: 0 0 2.5mm; }
        .contents a { color: #1a1a1a; }
        .contents a::after { content: leader('.') " " target-counter(attr(href), page); }
        .print-article { page-break-before: always; }
        .print-article + .print-article { page-break-before: always; }
        .article-title { string-set: article content(); font-size: 20pt; line-height: 1.25; margin: 0 0 6mm; }
        h2 { font-size: 14pt; margin: 7mm 0 2mm; page-break-after: avoid; }
        h3 { font-size: 12pt; margin: 5mm 0 2mm; page-break-after: avoid; }
        p, li { orphans: 2; widows: 2; }
        figure { margin: 5mm 0; }
        .print-chart { page-break-inside: avoid; }
        .print-chart img { width: 100%; }
        .print-chart figcaption { display: block; margin-bottom: 2mm; }
        .chart-title { display: block; font-weight: 700; font-size: 11pt; }
        .chart-subtitle { display: block; color: #5c5c5c; font-size: 9.5pt; }
        .chart-source, .table-source { font-size: 8.5pt; color: #5c5c5c; margin-top: 1.5mm; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th, td { border-bottom: 0.5pt solid #d0d0d0; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
        th.num, td.num { text-align: right; }
        .data-table { page-break-inside: auto; }
        details, summary, .chart-data { display: none; }
        blockquote { margin: 4mm 0; padding-left: 4mm; border-left: 1.5pt solid #d0d0d0; color: #333; }

        """
}
