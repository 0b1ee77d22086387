// The page around the console (App.svelte: title bar, lesson panel), with the Svelte runtime it
// needs: a chunk of its own, loaded after the first prompt (main.ts).
import { mount } from 'svelte';
import App from './App.svelte';
import type { ConsoleHandle } from './console';

export function mountPage(target: HTMLElement, consoleHandle: ConsoleHandle): void {
  mount(App, { target, props: { consoleHandle } });
}
