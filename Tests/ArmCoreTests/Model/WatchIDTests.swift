import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct WatchIDTests {
    @Test(arguments: ["WEB", "a", "web-1_x", "9lives", String(repeating: "W", count: 255)])
    func aValidWIDKeepsItsText(text: String) throws {
        #expect(try WatchID(text).text == text)
        #expect(WatchID.problem(text) == nil)
    }

    @Test func overTheLimitIsTooLongBeforeAnyCharacterRule() {
        #expect(WatchID.problem(String(repeating: "W", count: 256)) == .tooLong)
        // Length counts Unicode scalars, so a long non-ASCII WID is too long rather than invalid.
        #expect(WatchID.problem(String(repeating: "\u{E9}", count: 256)) == .tooLong)
        #expect(WatchID.Problem.tooLong.detail == "at most 255 characters")
    }

    @Test(arguments: ["", "-web", "_web", "we b", "web!", "NEC_web", "arm_x", "\u{E9}"])
    func badCharactersOrAReservedPrefixAreInvalid(text: String) {
        guard case .invalid(let rule)? = WatchID.problem(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(rule.hasPrefix("invalid WID"))
    }

    @Test func widsCompareWithoutCase() throws {
        #expect(try WatchID("Web").key == WatchID("WEB").key)
    }

    @Test(arguments: [("batch", "batch"), ("CORP\\batch", "batch"), ("A\\B\\c", "c"), ("CORP\\", "")])
    func theDomainOfAnAccountIsIgnored(requested: String, account: String) {
        #expect(AccountName.resolve(requested) == account)
    }
}
