//! Entry point: parse arguments, run the command, exit with its code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use k8s_course::cli::{Cli, Io, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let stdout_is_tty = std::io::stdout().is_terminal();
    run(
        &cli,
        &mut Io {
            out: &mut out,
            err: &mut err,
            stdout_is_tty,
        },
    )
}
