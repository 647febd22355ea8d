/**
 * The surface of the generated teapot package that stream-waiters.test.ts uses at run time, typed
 * loosely: the package is generated into a scratch folder, so it cannot be imported statically.
 */
export declare const TeapotClient: new (options: object) => any;
export declare function startMockServer(options?: object): Promise<any>;
export declare const TeapotBaseClient: new (options: object) => any;
export declare function createTeapots(client: unknown, request: object): Promise<any>;
export declare function chatWithTeapot(client: unknown, request: object): any;
export declare function waitUntilTeapotReady(client: unknown, request: object, options?: object): Promise<any>;
