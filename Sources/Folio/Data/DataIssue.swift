import FolioCore

/// Everything the Data stage can say is wrong: "what was wrong; what was expected".
public enum DataIssue: DiagnosticReason, Equatable {
    case invalidUTF8
    case nulByte
    case csvNoHeader
    case csvEmptyHeader(column: Int)
    case csvRepeatedHeader(String)
    case csvUnterminatedQuote
    case csvQuoteInUnquotedField
    case csvTextAfterClosingQuote
    /// No LF anywhere and a CR: every line ends with CR alone.
    case csvCarriageReturnLines
    case csvBareCarriageReturn
    case csvCellCount(found: Int, expected: Int)
    case jsonSyntax(String)
    case jsonTooDeep(limit: Int)
    case jsonDuplicateKey(String)
    case jsonNumberOutOfRange(String)
    case notRecords(format: String, found: String)
    case recordNotFlat(key: String, found: String)
    case recordNotMapping(found: String)
    case metaUnitForUnknownColumn(String, dataset: String)
    /// A label under `key` (`labels`, `labels_zh`) for a column the dataset lacks; `known` lists its columns.
    case metaLabelForUnknownColumn(String, key: String, dataset: String, known: [String])
    case metaWithoutDataset(String)
    case duplicateDataset(String, other: String)
    case badDatasetName(String)
    case unsupportedFile(String)
    case unreadableFile(String)
    case sourcesWithoutColumn
    case sourceColumnWithoutSources
    case unknownSourcesDataset(String, known: [String])
    case sourcesDatasetColumns(String)
    case unknownIDColumn(String, dataset: String, known: [String])
    case unknownSourceID(String, column: String, sources: String)

    public var message: String {
        switch self {
        case .invalidUTF8: "data: invalid UTF-8 byte; expected a UTF-8 text file"
        case .nulByte: "data: NUL byte; expected text without NUL characters"
        case .csvNoHeader: "CSV: no header row; expected a first line naming the columns"
        case .csvEmptyHeader(let column): "CSV: header of column \(column) is empty; expected a column name"
        case .csvRepeatedHeader(let name): "CSV: column '\(name)' named twice in the header; expected each column name once"
        case .csvUnterminatedQuote: "CSV: quote never closed; expected a closing \" before the end of the file"
        case .csvQuoteInUnquotedField: "CSV: quote inside an unquoted cell; expected the whole cell in quotes with \"\" for a quote"
        case .csvTextAfterClosingQuote: "CSV: text after a closing quote; expected a comma or the end of the line"
        case .csvCarriageReturnLines:
            "CSV: the lines end with a carriage return alone (as old Mac programs save them); expected LF or CRLF line ends "
                + "(save the file again with Unix or Windows line ends)"
        case .csvBareCarriageReturn: "CSV: carriage return without line feed; expected LF or CRLF line ends"
        case .csvCellCount(let found, let expected):
            "CSV: row has \(found) \(found == 1 ? "cell" : "cells"); expected \(expected) like the header"
        case .jsonSyntax(let problem): "JSON: \(problem)"
        case .jsonTooDeep(let limit): "JSON: nested deeper than \(limit) levels; expected flat records"
        case .jsonDuplicateKey(let key): "JSON: duplicate key '\(key)'; expected each key once per object"
        case .jsonNumberOutOfRange(let text): "JSON: number \(text) is out of range; expected a finite number"
        case .notRecords(let format, let found):
            "\(format): \(found) at the top; expected a list of records, or a mapping whose 'rows' key is one"
        case .recordNotFlat(let key, let found): "data: value of '\(key)' is \(found); expected text, a number, true, false or null"
        case .recordNotMapping(let found): "data: a row that is \(found); expected a mapping of column to value"
        case .metaUnitForUnknownColumn(let column, let dataset):
            "meta: unit for column '\(column)', which dataset '\(dataset)' does not have; expected one of its columns"
        case .metaLabelForUnknownColumn(let column, let key, let dataset, let known):
            "meta \(key): label for column '\(column)', which dataset '\(dataset)' does not have; "
                + (known.isEmpty ? "expected a dataset with columns" : "expected one of \(known.joined(separator: ", "))")
        case .metaWithoutDataset(let name):
            "data: '\(name).meta.yml' describes no dataset; expected \(name).csv, \(name).json or \(name).yaml beside it"
        case .duplicateDataset(let name, let other):
            "data: dataset '\(name)' defined twice (also \(other)); expected one file per dataset name"
        case .badDatasetName(let name): "data: dataset name '\(name)'; expected letters, digits, '_' or '-' only"
        case .unsupportedFile(let name): "data: unsupported file '\(name)'; expected NAME.csv, NAME.json, NAME.yaml or NAME.meta.yml"
        case .unreadableFile(let problem): "data: cannot read the file (\(problem)); expected a readable file"
        case .sourcesWithoutColumn: "meta: 'sources' without 'source_column'; expected both, or neither"
        case .sourceColumnWithoutSources:
            "meta: 'source_column' without 'sources'; expected 'sources: NAME', the dataset whose rows the ids name"
        case .unknownSourcesDataset(let name, let known):
            "meta: sources dataset '\(name)' does not exist; expected one of \(known.joined(separator: ", "))"
        case .sourcesDatasetColumns(let name):
            "meta: sources dataset '\(name)' lacks an 'id' or 'title' column; expected columns id, title, url, date"
        case .unknownIDColumn(let column, let dataset, let known):
            "meta source_column: dataset '\(dataset)' has no column '\(column)'; expected one of \(known.joined(separator: ", "))"
        case .unknownSourceID(let id, let column, let sources):
            "source id '\(id)' in column '\(column)' names no row of '\(sources)'; expected an id from its 'id' column"
        }
    }
}
