import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stateManager } from 'amplify-cli-core';
import { cleanupTempDirs, thrownAmplifyError } from 'amplify-test-support';
import { describeAppFrontend } from '../service/codegen-defaults';
import { generateModels } from '../service/model-generation';
import { buildModelIntrospection, type ModelIntrospection } from '../service/model-schema';
import { findProjectApi } from '../service/project-api';
import { createCodegenProject, fixtureText } from './helpers';
import { strictDiagnostics } from './typescript-compile';

afterAll(() => cleanupTempDirs());

const pluralize = (word: string): string => (require('pluralize') as typeof import('pluralize'))(word);
const blog = (): ModelIntrospection => buildModelIntrospection(fixtureText('blog.source.graphql'), pluralize);

describe('model introspection (schema.js)', () => {
  test('models, enums and non-model types of the annotated schema, with the codegen version and a content hash', () => {
    const schema = blog();
    expect(Object.keys(schema.models)).toEqual(['Blog', 'Post', 'Comment', 'Tag', 'Book', 'PostTags']);
    expect(schema.enums).toEqual({ PostStatus: { name: 'PostStatus', values: ['ACTIVE', 'INACTIVE'] } });
    expect(Object.keys(schema.nonModels)).toEqual(['BookMeta']);
    expect(schema.codegenVersion).toBe('3.4.4');
    expect(schema.version).toMatch(/^[0-9a-f]{32}$/);
    expect(schema.models.Post.pluralName).toBe('Posts');
    expect(schema.models.PostTags.pluralName).toBe('PostTags');
  });

  test('fields carry type, list and required flags; timestamps are read-only', () => {
    const post = blog().models.Post;
    expect(post.fields.title).toEqual({ name: 'title', isArray: false, type: 'String', isRequired: true, attributes: [] });
    expect(post.fields.status).toEqual({ name: 'status', isArray: false, type: { enum: 'PostStatus' }, isRequired: false, attributes: [] });
    expect(post.fields.createdAt).toEqual({ name: 'createdAt', isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true });
    expect(blog().models.Book.fields.genres).toEqual({ name: 'genres', isArray: true, type: 'String', isRequired: false, attributes: [], isArrayNullable: true });
    expect(blog().models.Book.fields.meta.type).toEqual({ nonModel: 'BookMeta' });
  });

  test('hasMany/belongsTo share the parent\'s foreign key; manyToMany goes through the join model', () => {
    const { models } = blog();
    expect(models.Blog.fields.posts).toMatchObject({ type: { model: 'Post' }, isArray: true, association: { connectionType: 'HAS_MANY', associatedWith: ['blogPostsId'] } });
    expect(models.Post.fields.blog).toMatchObject({ type: { model: 'Blog' }, association: { connectionType: 'BELONGS_TO', targetNames: ['blogPostsId'] } });
    expect(models.Post.fields.blogPostsId).toMatchObject({ type: 'ID', isRequired: false });
    expect(models.Comment.fields.post.association).toEqual({ connectionType: 'BELONGS_TO', targetNames: ['postCommentsId'] });
    expect(models.Post.fields.tags).toMatchObject({ type: { model: 'PostTags' }, association: { connectionType: 'HAS_MANY', associatedWith: ['post'] } });
    expect(Object.keys(models.PostTags.fields)).toEqual(['id', 'postId', 'tagId', 'post', 'tag', 'createdAt', 'updatedAt']);
    expect(models.PostTags.attributes.filter((a) => a.type === 'key')).toEqual([
      { type: 'key', properties: { name: 'byPost', fields: ['postId'] } },
      { type: 'key', properties: { name: 'byTag', fields: ['tagId'] } },
    ]);
  });

  test('custom primary keys, indexes and auth rules become attributes', () => {
    const { models } = blog();
    expect(models.Book.primaryKeyInfo).toEqual({ isCustomPrimaryKey: true, primaryKeyFieldName: 'isbn', sortKeyFieldNames: [] });
    expect(models.Book.attributes).toEqual([
      { type: 'model', properties: {} },
      { type: 'key', properties: { fields: ['isbn'] } },
      { type: 'key', properties: { name: 'byTitle', queryField: 'booksByTitle', fields: ['title'] } },
      { type: 'auth', properties: { rules: [{ allow: 'public', provider: 'apiKey', operations: ['create', 'update', 'delete', 'read'] }] } },
    ]);
    expect(models.Blog.attributes.find((a) => a.type === 'auth')?.properties.rules).toEqual([
      { allow: 'owner', provider: 'userPools', ownerField: 'owner', identityClaim: 'cognito:username', operations: ['create', 'update', 'delete', 'read'] },
      { allow: 'public', provider: 'apiKey', operations: ['read'] },
    ]);
  });

  test('the global auth rule of input AMPLIFY applies to models without @auth', () => {
    const todo = buildModelIntrospection(fixtureText('todo.source.graphql'), pluralize).models.Todo;
    expect(todo.attributes).toContainEqual({ type: 'auth', properties: { rules: [{ allow: 'public', provider: 'apiKey', operations: ['create', 'update', 'delete', 'read'] }] } });
    expect(Object.keys(todo.fields)).toEqual(['id', 'name', 'description', 'createdAt', 'updatedAt']);
  });

  test('a manyToMany used once is the original\'s error', () => {
    const error = thrownAmplifyError(() => buildModelIntrospection('type A @model { id: ID! bs: [B] @manyToMany(relationName: "AB") }\ntype B @model { id: ID! }', pluralize));
    expect(error.message).toBe("@manyToMany relation 'AB' must be used in exactly two locations.");
  });
});

describe('model files (src/models)', () => {
  test('index.js, index.d.ts, schema.js, schema.d.ts are written, and a TypeScript app using them compiles (strict)', () => {
    const root = createCodegenProject({ fixture: 'blog' });
    const app = describeAppFrontend(root, stateManager.getProjectConfig(root));
    const api = findProjectApi(root);
    if (!api) throw new Error('fixture has an API');
    const result = generateModels(root, api, app);
    expect(result.outputDir).toBe(path.join(root, 'src', 'models'));
    expect(fs.readdirSync(result.outputDir).sort()).toEqual(['index.d.ts', 'index.js', 'schema.d.ts', 'schema.js']);
    const indexJs = fs.readFileSync(path.join(result.outputDir, 'index.js'), 'utf8');
    expect(indexJs).toContain("// @ts-check\nimport { initSchema } from '@aws-amplify/datastore';\nimport { schema } from './schema';");
    expect(indexJs).toContain('const PostStatus = {\n  "ACTIVE": "ACTIVE",\n  "INACTIVE": "INACTIVE"\n};');
    expect(indexJs).toContain('const { Blog, Post, Comment, Tag, Book, PostTags, BookMeta } = initSchema(schema);');
    const schemaJs = fs.readFileSync(path.join(result.outputDir, 'schema.js'), 'utf8');
    expect(schemaJs.startsWith('export const schema = {\n    "models": {\n        "Blog": {')).toBe(true);
    const dts = fs.readFileSync(path.join(result.outputDir, 'index.d.ts'), 'utf8');
    expect(dts).toContain("identifier: CustomIdentifier<Book, 'isbn'>;");
    expect(dts).toContain('readonly posts: AsyncCollection<Post>;');
    expect(dts).toContain('readonly status?: PostStatus | keyof typeof PostStatus | null;');

    const usage = path.join(root, 'src', 'app.ts');
    fs.writeFileSync(
      usage,
      `import { Post, PostStatus, Book, BookMeta, Blog } from './models';
import { schema } from './models/schema';
const post = new Post({ title: 'Hello', status: PostStatus.ACTIVE, rating: 5 });
const edited = Post.copyOf(post, (draft) => { draft.title = 'Bye'; });
const book = new Book({ isbn: '978', title: 'T', meta: new BookMeta({ pages: 10 }) });
// @ts-expect-error title is required
new Post({ rating: 1 });
const name: string = new Blog({ name: 'b' }).name;
const version: string = schema.version;
export { edited, book, name, version };
`,
    );
    expect(strictDiagnostics(root, [usage])).toEqual([]);
  }, 60_000);

  test('iOS: Swift structs, schemas, enums, embedded types and the registry in amplify/generated/models', () => {
    const root = createCodegenProject({ fixture: 'blog', frontend: 'ios' });
    const api = findProjectApi(root);
    if (!api) throw new Error('fixture has an API');
    const result = generateModels(root, api, describeAppFrontend(root, stateManager.getProjectConfig(root)));
    expect(result.outputDir).toBe(path.join(root, 'amplify', 'generated', 'models'));
    const read = (name: string): string => fs.readFileSync(path.join(result.outputDir, name), 'utf8');
    expect(fs.readdirSync(result.outputDir).sort()).toEqual(
      ['AmplifyModels', 'Blog', 'Blog+Schema', 'Book', 'Book+Schema', 'BookMeta', 'BookMeta+Schema', 'Comment', 'Comment+Schema', 'Post', 'Post+Schema', 'PostStatus', 'PostTags', 'PostTags+Schema', 'Tag', 'Tag+Schema']
        .map((name) => `${name}.swift`)
        .sort(),
    );
    expect(read('PostStatus.swift')).toContain('public enum PostStatus: String, EnumPersistable {\n  case active = "ACTIVE"\n  case inactive = "INACTIVE"\n}');
    const post = read('Post.swift');
    expect(post).toContain('public struct Post: Model {\n  public let id: String\n  public var title: String\n  public var rating: Int?\n  public var status: PostStatus?\n  public var blog: Blog?\n  public var comments: List<Comment>?');
    expect(post).toContain('  public init(id: String = UUID().uuidString,\n      title: String,');
    expect(post).toContain('      createdAt: nil,');
    const schema = read('Post+Schema.swift');
    expect(schema).toContain('    case blogPostsId\n');
    expect(schema).toContain('      .belongsTo(post.blog, is: .optional, ofType: Blog.self, targetNames: ["blogPostsId"]),');
    expect(schema).toContain('      .hasMany(post.comments, is: .optional, ofType: Comment.self, associatedWith: Comment.keys.post),');
    expect(schema).toContain('      .field(post.status, is: .optional, ofType: .enum(type: PostStatus.self)),');
    expect(schema).toContain('      .field(post.createdAt, is: .optional, isReadOnly: true, ofType: .dateTime),');
    expect(schema).toContain('      rule(allow: .public, provider: .apiKey, operations: [.create, .update, .delete, .read])');
    expect(read('Book+Schema.swift')).toContain('      .index(fields: ["title"], name: "byTitle"),\n      .primaryKey(fields: [book.isbn])');
    expect(read('Book+Schema.swift')).toContain('public typealias IdentifierFormat = ModelIdentifierFormat.Custom');
    expect(read('Book.swift')).toContain('  public var genres: [String?]?\n  public var meta: BookMeta?');
    expect(read('BookMeta.swift')).toContain('public struct BookMeta: Embeddable {\n  var pages: Int?\n  var language: String?\n}');
    expect(read('AmplifyModels.swift')).toContain('    ModelRegistry.register(modelType: PostTags.self)');
    expect(read('Blog+Schema.swift')).toContain('rule(allow: .owner, ownerField: "owner", identityClaim: "cognito:username", provider: .userPools, operations: [.create, .update, .delete, .read])');
  });

  const hasJavac = spawnSync('javac', ['-version']).status === 0;
  (hasJavac ? test : test.skip)('Android: Java classes with step builders that javac compiles (against declarations of the Amplify API)', () => {
    const root = createCodegenProject({ fixture: 'blog', frontend: 'android' });
    const api = findProjectApi(root);
    if (!api) throw new Error('fixture has an API');
    const result = generateModels(root, api, describeAppFrontend(root, stateManager.getProjectConfig(root)));
    expect(result.outputDir).toBe(path.join(root, 'app', 'src', 'main', 'java', 'com', 'amplifyframework', 'datastore', 'generated', 'model'));
    const post = fs.readFileSync(path.join(result.outputDir, 'Post.java'), 'utf8');
    expect(post).toContain('public final class Post implements Model {');
    expect(post).toContain('  public static final QueryField BLOG = field("Post", "blogPostsId");');
    expect(post).toContain('  private final @ModelField(targetType="Blog") @BelongsTo(targetName = "blogPostsId", targetNames = {"blogPostsId"}, type = Blog.class) Blog blog;');
    expect(post).toContain('  private final @ModelField(targetType="Comment") @HasMany(associatedWith = "post", type = Comment.class) List<Comment> comments = null;');
    expect(post).toContain('  public interface TitleStep {\n    BuildStep title(String title);\n  }');
    // The Amplify API's declarations, one file per type, beside the generated sources.
    const stubsDir = path.join(root, 'java-stubs');
    const stubs = fs.readFileSync(path.join(__dirname, 'fixtures', 'java-stubs', 'AmplifyStubs.java.txt'), 'utf8').split(/^\/\/\/\/ /m).slice(1);
    const stubFiles = stubs.map((block) => {
      const [name, ...body] = block.split('\n');
      const file = path.join(stubsDir, name.trim());
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, body.join('\n'));
      return file;
    });
    const usage = path.join(root, 'Use.java');
    fs.writeFileSync(
      usage,
      `import com.amplifyframework.datastore.generated.model.*;
class Use {
  static String run() {
    Post post = Post.builder().title("Hello").status(PostStatus.ACTIVE).rating(5).build();
    Post renamed = post.copyOfBuilder().title("Bye").build();
    Book book = Book.builder().isbn("978").title("T").meta(BookMeta.builder().pages(10).build()).build();
    PostTags link = PostTags.builder().post(post).tag(Tag.builder().label("x").build()).build();
    return renamed.getTitle() + book.getIsbn() + Blog.justId("b1").getId() + link.getPost().getTitle() + AmplifyModelProvider.getInstance().models().size();
  }
}
`,
    );
    const javac = spawnSync('javac', ['-d', path.join(root, 'classes'), ...stubFiles, ...result.files, usage], { encoding: 'utf8' });
    expect(javac.stderr).not.toMatch(/error|warning/);
    expect(javac.status).toBe(0);
  }, 120_000);

  test('Flutter models are refused with a clear error', () => {
    const root = createCodegenProject({ fixture: 'todo', frontend: 'flutter' });
    const api = findProjectApi(root);
    if (!api) throw new Error('fixture has an API');
    const error = thrownAmplifyError(() => generateModels(root, api, describeAppFrontend(root, stateManager.getProjectConfig(root))));
    expect(error.code).toBe('ModelgenTargetNotSupported');
  });
});
