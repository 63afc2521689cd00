import ArmCore

extension ConfigSection {
    /// The key called `name`.
    ///
    /// The validator asks only for keys of the table it reads; ArmConfigTests reads a file that sets every
    /// key, so a misspelt name here fails the tests, never a user's file.
    func key(_ name: String) -> ConfigKey {
        guard let key = self[name] else { preconditionFailure("\(name) is not a key of \(header)") }
        return key
    }
}
