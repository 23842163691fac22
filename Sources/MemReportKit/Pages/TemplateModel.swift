import Mustache

/// A page's view model as the templates read it: each struct's stored properties are read with a
/// `Mirror` once, into a dictionary, the first time a template looks into it.
///
/// swift-mustache looks a name up by reflecting the object again for every tag, and climbs the
/// context stack reflecting each enclosing object until one has the name; a page of a few hundred
/// rows made that most of the time spent rendering it (a 3,000-row report page took 8 s, 2 s now).
/// The lookups answer exactly as the `Mirror` ones did: a property that is `nil` is not found (so
/// the lookup climbs, as before), an array's elements are wrapped the same way, and `{{.}}` shows
/// what the wrapped value shows.
final class TemplateModel: MustacheParent, CustomStringConvertible {
  /// What a value of one type becomes; decided once per type and page (the protocol checks cost
  /// more than the rest).
  private enum Kind {
    /// A string, number, flag, or something the library treats itself: unchanged.
    case leaf
    case optional
    /// An array: its elements are wrapped.
    case array
    /// A struct or class: wrapped.
    case model
  }

  /// The kinds decided while rendering one page, shared by its models.
  private final class Kinds {
    var byType: [ObjectIdentifier: Kind] = [:]
  }

  private let object: Any
  private let kinds: Kinds
  private var fields: [String: Any]?

  private init(_ object: Any, kinds: Kinds) {
    self.object = object
    self.kinds = kinds
  }

  /// `value` wrapped if it is a struct or class (or an array of them); anything else unchanged.
  /// An `Optional` is unwrapped first, `nil` for `.none`.
  static func wrap(_ value: Any) -> Any? { wrap(value, kinds: Kinds()) }

  private static func wrap(_ value: Any, kinds: Kinds) -> Any? {
    switch kind(of: value, kinds: kinds) {
    case .leaf: return value
    case .optional:
      return Mirror(reflecting: value).children.first.flatMap { wrap($0.value, kinds: kinds) }
    case .array:
      // An optional element stays one, as the library sees it.
      return Mirror(reflecting: value).children.map { element -> Any in
        kind(of: element.value, kinds: kinds) == .optional
          ? element.value : wrap(element.value, kinds: kinds) ?? element.value
      }
    case .model: return TemplateModel(value, kinds: kinds)
    }
  }

  private static func kind(of value: Any, kinds: Kinds) -> Kind {
    let type = ObjectIdentifier(Swift.type(of: value))
    if let kind = kinds.byType[type] { return kind }
    // Optionals first: a cast sees through them (`"a" as String?` is a String, `nil` is not), so
    // the checks below would decide on the first value's case, not on the type.
    let style = Mirror(reflecting: value).displayStyle
    let kind: Kind
    switch value {
    case _ where style == .optional: kind = .optional
    case is String, is Bool, is Int, is Double: kind = .leaf
    // What the library treats specially stays as it is.
    case is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation,
      is MustacheLambda, is MustacheTemplate:
      kind = .leaf
    default:
      switch style {
      case .collection where value is any MustacheSequence: kind = .array
      // Another sequence (reversed, a set) is iterated by the library as it is.
      case .struct, .class: kind = value is any Sequence ? .leaf : .model
      default: kind = .leaf
      }
    }
    kinds.byType[type] = kind
    return kind
  }

  func child(named name: String) -> Any? {
    if let fields { return fields[name] }
    var read: [String: Any] = [:]
    for case (let label?, let value) in Mirror(reflecting: object).children
    where read[label] == nil {
      if let wrapped = Self.wrap(value, kinds: kinds) { read[label] = wrapped }
    }
    fields = read
    return read[name]
  }

  var description: String { String(describing: object) }
}

// A table's rows and cells are most of a page's lookups: they answer by name without a `Mirror`.
// `TemplateModelTests` checks that each answers every stored property as reflecting it would, so
// a property added without a line here fails a test instead of rendering empty.
extension TableModel.Cell: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "text": return text
    case "numeric": return numeric
    case "name": return self.name
    case "sortValue": return sortValue
    case "title": return title
    case "badge": return badge
    default: return nil
    }
  }
}

extension TableModel.Row: MustacheParent {
  func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension TableModel.Column: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "label": return label
    case "numeric": return numeric
    default: return nil
    }
  }
}

extension TableModel.Badge: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "text": return text
    case "cls": return cls
    default: return nil
    }
  }
}
