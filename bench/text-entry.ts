// What the text-tool benchmark needs from the machine, bundled as the browser bundles it.
export { Machine } from '../src/kernel/machine';
export { writeFileIntoMachine } from '../src/cli/copy-in';
