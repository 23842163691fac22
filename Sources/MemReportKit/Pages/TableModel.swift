import MemReportCore
/// A sortable, filterable table as the `table` template draws it: pre-formatted cells, so the
/// template only lays them out.
struct TableModel {
  struct Column {
    var label: String
    var numeric = false
  }

  struct Badge {
    var text: String
    var cls: String
  }

  struct Cell {
    var text: String
    var numeric = false
    var name = false
    /// A number the script sorts on (`data-v`).
    var sortValue: String?
    /// A tooltip: the full path or string when the cell shows a shortened one.
    var title: String?
    var badge: Badge?

    static func number(_ text: String, _ value: Double) -> Cell {
      Cell(text: text, numeric: true, sortValue: TableModel.sortKey(value))
    }

    /// A path, class or string: shortened when long, the full text in the tooltip.
    static func name(_ full: String, shortened: String) -> Cell {
      let clean = DisplayText.clean(full)
      let short = DisplayText.clean(shortened)
      return Cell(text: short, name: true, title: short == clean ? nil : clean)
    }
  }

  struct Row {
    var cells: [Cell]
  }

  var id: String
  var caption: String
  var note: String?
  var columns: [Column]
  var rows: [Row]
  var more: String?

  /// A plain decimal for `data-v` (no exponent), so the script's `parseFloat` reads it.
  static func sortKey(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded() && abs(value) < 9e15 { return String(Int64(value)) }
    return Units.fixed(value, digits: 3)
  }
}
