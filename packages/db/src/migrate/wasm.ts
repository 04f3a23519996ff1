/// <reference path="./webassembly.d.ts" />
import { readFile } from "node:fs/promises";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Prisma's schema engine as WebAssembly. The package's entry imports the .wasm file as an ES
 * module, which Node cannot do, so the glue is loaded directly and the module instantiated here.
 * wasm-bindgen keeps module-global state in the glue: instantiate once per process.
 */
let loaded: Promise<typeof glue.SchemaEngine> | undefined;

interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}

export function loadSchemaEngine(): Promise<typeof glue.SchemaEngine> {
  loaded ??= (async () => {
    // The engine's panic hook writes here; without it a panic surfaces as an unrelated TypeError.
    const registry = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(message) {
        this.message = message;
      },
    };
    const wasmUrl = new URL(
      "./schema_engine_bg.wasm",
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    // Each applyMigrations arms a 10 s timer (advisory-lock timeout) it never clears, which would
    // keep the process alive that long: timers the engine creates do not hold the process open.
    const imports: Record<string, unknown> = { ...glue };
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      const setTimer = imports[name] as (...args: unknown[]) => { unref?: () => void } | undefined;
      imports[name] = (...args: unknown[]) => {
        const timer = setTimer(...args);
        timer?.unref?.();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), {
      "./schema_engine_bg.js": imports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return loaded;
}

export const lastPanicMessage = () =>
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY?.message ?? "";
