fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(nianbao::App);
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "nianbao is a browser app: build and serve it with `cargo xtask serve` (see README.md)"
    );
}
