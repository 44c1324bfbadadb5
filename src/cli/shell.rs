//! `k8s-course completions SHELL` and `k8s-course man`: what a shell and `man` need to know about
//! the command line, generated from the same clap definition the program parses with (so they
//! never drift). Printed on demand rather than built by a build script that would slow every build.

use clap::CommandFactory;

use super::{Cli, Io};

/// The shells `completions` writes for.
pub const SHELLS: [&str; 3] = ["bash", "zsh", "fish"];

/// Prints the completion script for `shell` (one of [`SHELLS`]).
pub fn completions(shell: &str, io: &mut Io<'_>) -> std::io::Result<bool> {
    let shell = match shell {
        "bash" => clap_complete::Shell::Bash,
        "zsh" => clap_complete::Shell::Zsh,
        "fish" => clap_complete::Shell::Fish,
        other => {
            // clap checks the name first; this is for a caller that did not.
            writeln!(io.err, "k8s-course: no completions for '{other}': bash, zsh or fish")?;
            return Ok(false);
        }
    };
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (`completions bash | head`),
    // and a closed pipe is a quiet exit here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "k8s-course", &mut script);
    if shell == clap_complete::Shell::Bash {
        script = repair_bash(&script);
    }
    io.out.write_all(&script)?;
    Ok(true)
}

/// clap_complete spells a hyphenated program's subcommand states two ways in bash (the loop sets
/// `k8s__course__subcmd__show`, the case arm reads `k8s__subcmd__course__subcmd__show`), so nothing
/// after a subcommand completes (clap-rs/clap#6421, open). Spell the arms as the loop does.
fn repair_bash(script: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(script)
        .replace("k8s__subcmd__course", "k8s__course")
        .into_bytes()
}

/// Prints the man page (roff): `k8s-course man > k8s-course.1`, or `k8s-course man | man -l -`.
pub fn man(io: &mut Io<'_>) -> std::io::Result<bool> {
    // One page: synopsis, description, global options, and every subcommand with its summary.
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    io.out.write_all(&page)?;
    Ok(true)
}
