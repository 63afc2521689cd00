import ArmCore

// The model's defaults and the validator's ranges are read from the key table (ConfigSchema) by key name.
// A name that is not in its table is a programming error, not an input error: ArmConfigTests builds every
// model type and reads a file with every table and type, so a misspelt name fails the tests first.

extension ConfigSection {
    /// The key called `name`.
    func key(_ name: String) -> ConfigKey {
        guard let key = self[name] else { preconditionFailure("\(name) is not a key of \(header)") }
        return key
    }

    /// The default of an integer key.
    func integer(_ name: String) -> Int {
        guard case .integer(let value) = key(name).defaultValue else { preconditionFailure("\(name): no integer") }
        return value
    }

    /// The default of a boolean key.
    func boolean(_ name: String) -> Bool {
        guard case .boolean(let value) = key(name).defaultValue else { preconditionFailure("\(name): no boolean") }
        return value
    }

    /// The default of a string key.
    func string(_ name: String) -> String {
        guard case .string(let value) = key(name).defaultValue else { preconditionFailure("\(name): no string") }
        return value
    }

    /// The default of a list key.
    func strings(_ name: String) -> [String] {
        guard case .strings(let values) = key(name).defaultValue else { preconditionFailure("\(name): no list") }
        return values
    }

    /// The default of a choice key, as the model's enumeration.
    func choice<Choice: RawRepresentable<String>>(_ name: String, _: Choice.Type = Choice.self) -> Choice {
        guard let value = Choice(rawValue: string(name)) else { preconditionFailure("\(name): not a choice") }
        return value
    }
}
