// Every workflow the worker registers; the worker bundles this file.
export { orderLifecycle } from './order-lifecycle.workflow';
