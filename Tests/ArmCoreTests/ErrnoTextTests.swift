import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct ErrnoTextTests {
    @Test(arguments: [
        (Int32(0), "Success"),
        (2, "No such file or directory"),
        (8, "Exec format error"),
        (13, "Permission denied"),
        (26, "Text file busy"),
        (110, "Connection timed out"),
        (133, "Memory page has hardware error"),
    ])
    func textsAreGlibcsWords(code: Int32, text: String) {
        #expect(ErrnoText.describe(code) == text)
    }

    @Test(arguments: [Int32(-1), 41, 58, 134, 4096])
    func undefinedValuesAreUnknownErrors(code: Int32) {
        #expect(ErrnoText.describe(code) == "Unknown error \(code)")
    }
}
