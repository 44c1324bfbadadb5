//! Entry point: parse arguments, read the environment once into settings, run the command, exit
//! with its code. This is the only place the environment is read.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use k8s_course::cli::{Cli, Io, run};
use k8s_course::settings::{Env, PlatformDirs, Settings};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dirs = directories::ProjectDirs::from("", "", "k8s-course");
    let platform = PlatformDirs {
        config: dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
        data: dirs.as_ref().map(|d| d.data_dir().to_path_buf()),
        runtime: dirs.as_ref().and_then(|d| d.runtime_dir()).map(|d| d.to_path_buf()),
    };
    let env = Env::from_vars(|name| std::env::var_os(name), platform);
    let settings = Settings::resolve(cli.args(), env);
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let stdout_is_tty = std::io::stdout().is_terminal();
    run(
        &cli,
        &settings,
        &mut Io {
            out: &mut out,
            err: &mut err,
            stdout_is_tty,
        },
    )
}
