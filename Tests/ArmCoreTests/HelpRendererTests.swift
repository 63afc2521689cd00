import Testing

@testable import ArmCore

@Suite(.timeLimit(.minutes(2))) struct HelpRendererTests {
    @Test func armloadHelpShowsEverySpellingRangeAndDefault() {
        let help = HelpRenderer.usage(.armload)
        #expect(help.hasPrefix("Usage: armload WID [/U user] /W exec-name [parameter...]\n"))
        #expect(help.contains("  /R, -R, --retry=retry"))
        #expect(help.contains("(1-9; default: not watched)"))
        #expect(help.contains("/ACT, -ACT, --final-action=action"))
        #expect(help.contains("(failover|shutdown|none;"))
        #expect(help.contains("/?, -?, --help"))
        // armload has /H, so -h is --hours there and is not offered as help (commands.md 1.2 rule 6).
        #expect(!help.contains("-h, --help"))
        #expect(help.contains("125  WRAP_FAILED"))
        #expect(help.contains("128+n"))
        #expect(help.hasSuffix("\n"))
    }

    @Test func helpOffersDashHWhereTheCommandHasNoOptionH() {
        #expect(HelpRenderer.usage(.armgstrt).contains("/?, -?, -h, --help"))
    }

    @Test func armstatHelpListsJSONTimeoutAndViews() {
        let help = HelpRenderer.usage(.armstat)
        #expect(help.contains("  /JSON, -JSON, --json"))
        #expect(help.contains("/TIMEOUT, -TIMEOUT, --timeout=seconds"))
        #expect(help.contains("One of: all,"))
        #expect(help.contains("[view]"))
        #expect(help.contains("5  NOT_FOUND"))
    }

    @Test(arguments: allCommandNames)
    func helpIsPlainASCIIWithinEightyColumns(name: String) {
        let spec = row(name)
        let help = HelpRenderer.usage(spec)
        #expect(help.unicodeScalars.allSatisfy { $0.isASCII }, "\(spec.name)")
        let body = help.split(separator: "\n").dropFirst(spec.synopsis.count)
        for line in body {
            #expect(line.count <= 79 || !line.contains(" ") || line.hasPrefix("  /"), "\(spec.name): \(line)")
        }
    }

    @Test func commandListNamesEveryCommandWithItsPurpose() {
        let list = HelpRenderer.commandList(isImplemented: { $0.name == "armstat" })
        for spec in CommandSpec.all {
            #expect(list.contains(spec.name + " "), "\(spec.name)")
            // Long purposes wrap, so only their start is compared.
            let start = String(PlainText.ascii(spec.summary).prefix(30))
            let lines = list.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("  " + spec.name + " ") && $0.contains(start) }, "\(spec.name)")
        }
        #expect(list.contains("Separate programs:"))
        #expect(list.hasSuffix("\n"))
    }
}
