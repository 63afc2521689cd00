import ArmCore
import Testing

@testable import ArmDocs

@Suite(.timeLimit(.minutes(2))) struct ManRendererTests {
    @Test func roffEscapesBackslashesHyphensAndLeadingControlCharacters() {
        #expect(Roff.escape(#"DOMAIN\user"#) == #"DOMAIN\euser"#)
        #expect(Roff.escape("--retry") == #"\-\-retry"#)
        #expect(Roff.escape(".hidden\n'quoted") == "\\&.hidden\n\\&'quoted")
        #expect(Roff.escape("a.b 'c'") == "a.b 'c'")
        #expect(Roff.escape("0\u{2013}253 \u{00A7}2") == #"0\(en253 \(sc2"#)
        #expect(Roff.escape("\u{3042}") == #"\[u3042]"#)
    }

    @Test func armloadPageHasTheStandardSections() {
        let page = ManRenderer.page(.armload, date: "2001-02-03")
        let headings = page.split(separator: "\n").filter { $0.hasPrefix(".SH ") }
        #expect(
            headings == [
                ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH OPERANDS", ".SH EXIT STATUS",
                ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", ".SH SEE ALSO",
            ]
        )
        #expect(page.contains(#".TH ARMLOAD 1 2001\-02\-03 "ArmCluster "#))
        #expect(page.contains(#"\fB/R\fR, \fB\-R\fR, \fB\-\-retry\fR=\fIretry\fR"#))
        #expect(page.contains(#"\fBarmkill\fR(1)"#))
        #expect(page.contains(#"\fBarmstdn\fR(8)"#))
    }

    @Test func pagesAreReproducible() {
        #expect(
            ManRenderer.page(.armstat, date: ManRenderer.date) == ManRenderer.page(.armstat, date: ManRenderer.date)
        )
        #expect(DocumentSet.files() == DocumentSet.files())
    }

    @Test(arguments: renderedFiles.map(\.path).filter { $0.hasPrefix("man/") })
    func manPagesAreASCIIAndNoTextLineStartsWithAQuote(path: String) throws {
        let file = try #require(renderedFiles.first { $0.path == path })
        for line in file.contents.split(separator: "\n") where line.hasPrefix("'") {
            Issue.record("\(file.path): \(line)")
        }
        #expect(file.contents.unicodeScalars.allSatisfy { $0.isASCII }, "\(file.path)")
    }

    @Test func synopsisShowsOptionsInBoldAndPlaceholdersInItalics() {
        let line = ManRenderer.highlightSynopsis("[/T server] [group-name] {on|off}", literals: ["on", "off"])
        #expect(line == #"[\fB/T\fR \fIserver\fR] [\fIgroup\-name\fR] {\fBon\fR|\fBoff\fR}"#)
    }

    @Test func seeAlsoFollowsTheCommandsADescriptionNames() {
        let pages = ManRenderer.seeAlso(for: .armgwait).map { "\($0.name)(\($0.section))" }
        #expect(pages.contains("armtool(1)"))
        #expect(pages.contains("armcluster(7)"))
        #expect(!pages.contains("armgwait(1)"))
        #expect(ManRenderer.mentions("see armload.", "armload"))
        #expect(!ManRenderer.mentions("see armloadc", "armload"))
    }

    @Test func armtoolPageListsEveryCommand() {
        let page = ManRenderer.page(.armtool, date: ManRenderer.date)
        for spec in CommandSpec.all {
            #expect(page.contains(#"\fB"# + Roff.escape(spec.name) + #"\fR(\#(spec.manSection))"#), "\(spec.name)")
        }
    }

    @Test func overviewAndConfigPagesCoverTheirTables() {
        let overview = ManRenderer.overviewPage(date: ManRenderer.date)
        for variable in ["ARMS_EVENT", "CLP_FACTOR", "ARMS_PRIORITY", "CLP_SCRIPT_PATH"] {
            #expect(overview.contains(Roff.escape(variable)), "\(variable)")
        }
        for status in ExitStatus.allCases {
            #expect(overview.contains(#"\fB\#(status.rawValue)\fR ("# + Roff.escape(status.specName)))
        }
        let config = ManRenderer.configPage(date: ManRenderer.date)
        for key in ["heartbeat_interval_ms", "shutdown_action", "max_watches", "fence_action", "script_output_lines"] {
            #expect(config.contains(#"\fB"# + Roff.escape(key) + #"\fR"#), "\(key)")
        }
    }
}

@Suite(.timeLimit(.minutes(2))) struct CompletionRendererTests {
    @Test func everyScriptRegistersEveryCommandName() {
        let names = (["armtool"] + CommandSpec.all.map(\.name)).joined(separator: " ")
        #expect(CompletionRenderer.bash().contains("complete -F _armtool " + names + "\n"))
        #expect(CompletionRenderer.zsh().hasPrefix("#compdef " + names + "\n"))
        let fish = CompletionRenderer.fish()
        for spec in CommandSpec.all {
            #expect(fish.contains("complete -c \(spec.name) -f -a '(__armtool_complete)'"), "\(spec.name)")
        }
    }

    @Test func scriptsOfferAllThreeSpellingsAndTheValueWords() {
        let bash = CompletionRenderer.bash()
        #expect(bash.contains("'/R' '-R' '--retry'"))
        #expect(bash.contains("'armload /act' | 'armload -act' | 'armload --final-action')"))
        #expect(bash.contains("vals=('failover' 'shutdown' 'none')"))
        #expect(bash.contains(#"armtool --complete "$kind" 2>/dev/null"#))
        let fish = CompletionRenderer.fish()
        #expect(fish.contains("printf '%s\\t%s\\n' '--final-action'"))
    }

    @Test func armloadCompletesAProgramThenItsArguments() {
        let cases = CompletionRenderer.operandCases(.armload)
        #expect(cases.map(\.pattern) == ["0", "1", "*"])
        #expect(cases.map(\.tail) == [0, 1, 2])
        #expect(cases[1].target.kind == .executables)
        #expect(cases[2].target.kind == .files)
        #expect(CompletionRenderer.tailIndex(.armload) == 1)
    }

    @Test func armstatNamesFollowTheChosenView() {
        let cases = CompletionRenderer.operandCases(.armstat)
        let byView = Dictionary(uniqueKeysWithValues: cases[1].byView.map { ($0.view, $0.kind) })
        #expect(
            byView == [
                "server": .servers, "group": .groups, "resource": .groups, "armload": .wids,
                "mirror": .mirrors, "share": .shares,
            ]
        )
    }

    @Test func singleQuotingSurvivesQuotes() {
        #expect(CompletionRenderer.quote("it's") == #"'it'\''s'"#)
        #expect(CompletionRenderer.fishQuote(#"a'b\c"#) == #"'a\'b\\c'"#)
    }
}
