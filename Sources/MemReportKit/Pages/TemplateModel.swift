import Mustache

/// A page's view model as the templates read it: each struct's stored properties are read with a
/// `Mirror` once, into a dictionary, the first time a template looks into it.
///
/// swift-mustache looks a name up by reflecting the object again for every tag, and climbs the
/// context stack reflecting each enclosing object until one has the name; a page of a few hundred
/// rows made that most of the time spent rendering it. The lookups answer exactly as the `Mirror`
/// ones did: a property that is `nil` is not found (so the lookup climbs, as before), an array's
/// elements are wrapped the same way, and `{{.}}` shows what the wrapped value shows.
final class TemplateModel: MustacheParent, CustomStringConvertible {
  private let object: Any
  private var fields: [String: Any]?

  private init(_ object: Any) { self.object = object }

  /// `value` wrapped if it is a struct or class (or an array of them); anything else unchanged.
  /// An `Optional` is unwrapped first, `nil` for `.none`.
  static func wrap(_ value: Any) -> Any? {
    switch value {
    case is String, is Bool, is Int, is Double: return value
    // What the library treats specially stays as it is.
    case is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation,
      is MustacheLambda, is MustacheTemplate:
      return value
    default: break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional: return mirror.children.first.flatMap { wrap($0.value) }
    case .collection where value is any MustacheSequence:
      // An array's elements are wrapped; an optional element stays one, as the library sees it.
      return mirror.children.map { element -> Any in
        Mirror(reflecting: element.value).displayStyle == .optional
          ? element.value : wrap(element.value) ?? element.value
      }
    case .struct, .class:
      // Another sequence (reversed, a set) is iterated by the library as it is.
      return value is any Sequence ? value : TemplateModel(value)
    default: return value
    }
  }

  func child(named name: String) -> Any? {
    if let fields { return fields[name] }
    var read: [String: Any] = [:]
    for case (let label?, let value) in Mirror(reflecting: object).children
    where read[label] == nil {
      if let wrapped = Self.wrap(value) { read[label] = wrapped }
    }
    fields = read
    return read[name]
  }

  var description: String { String(describing: object) }
}
