// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration store and its configfs view.
 *
 * The store is a tree of nodes under ndis_config_root, all under one mutex
 * (configfs callbacks and the DDI's configuration calls both sleep). A node
 * is a key; a node that holds a value is also a keyword of its parent.
 * Names compare without regard to case, as registry names do, and children
 * are kept in that order.
 *
 * The view: /sys/kernel/config/ndis is the root, and a directory the
 * administrator makes (mkdir) is a node, with two files: "value" (read and
 * write: the node's value, one trailing newline dropped on write) and
 * "list" (read only: every child of the node, "name=value" for one with a
 * value, "name/" for one that is a key). Only the administrator makes
 * directories. A keyword a driver writes where there is no directory
 * (NdisWriteConfiguration) becomes a node without one: "list" of its
 * parent shows it, and a mkdir of its name adopts it, value and all. An
 * rmdir removes the node and whatever drivers wrote below it. Making
 * directories from the kernel (configfs_register_group()) would give the
 * administrator directories rmdir refuses, and configfs does not unlink
 * such a group when the user removes its parent.
 *
 * configfs keeps ndis.ko loaded while a directory of the administrator's
 * exists (it holds a module reference per mkdir), so no view outlives the
 * module; the exit frees what drivers left.
 */
#include <linux/configfs.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "config.h"
#include "ddi/text.h"
#include "kunit_iface.h"

struct ndis_config_view;

/**
 * struct ndis_config_node - a key of the store
 * @sibling: in @parent's @children, ordered by name
 * @children: the keys below
 * @parent: NULL for the root
 * @view: its configfs directory, if the administrator made one
 * @value: NUL-terminated text, or NULL for none
 * @len: bytes of @value
 * @name: NUL-terminated UTF-8
 * @depth: 0 for the root
 *
 * Every field is under ndis_config_lock.
 */
struct ndis_config_node {
	struct list_head sibling;
	struct list_head children;
	struct ndis_config_node *parent;
	struct ndis_config_view *view;
	char *value;
	size_t len;
	const char *name;
	unsigned int depth;
};

/* A directory of the view; @node is NULL once it was removed. */
struct ndis_config_view {
	struct config_group group;
	struct ndis_config_node *node;	/* under ndis_config_lock */
};

static DEFINE_MUTEX(ndis_config_lock);	/* the whole store */

static struct ndis_config_node ndis_config_root = {
	.sibling = LIST_HEAD_INIT(ndis_config_root.sibling),
	.children = LIST_HEAD_INIT(ndis_config_root.children),
	.name = "",
};

static struct configfs_subsystem ndis_config_subsys;

#define ndis_config_view_of(item) \
	container_of(to_config_group(item), struct ndis_config_view, group)

/* The node a directory shows; NULL once it was removed. Lock held. */
static struct ndis_config_node *ndis_config_node_of(struct config_item *item)
{
	lockdep_assert_held(&ndis_config_lock);
	if (item == &ndis_config_subsys.su_group.cg_item)
		return &ndis_config_root;
	return ndis_config_view_of(item)->node;
}

/* Whether @name may name a key: what a directory name may be. */
static bool ndis_config_name_ok(const char *name)
{
	size_t len = strlen(name);

	return len && len <= NDIS_CONFIG_NAME_MAX && !strchr(name, '/') &&
	       strcmp(name, ".") && strcmp(name, "..");
}

/* A key, as opposed to a keyword: it has keys below it, or no value. */
static bool ndis_config_is_key(const struct ndis_config_node *n)
{
	return !n->value || !list_empty(&n->children);
}

/* The child of @n named @name, whatever the case. Lock held. */
static struct ndis_config_node *ndis_config_child(struct ndis_config_node *n, const char *name)
{
	struct ndis_config_node *c;

	list_for_each_entry(c, &n->children, sibling)
		if (!ndis_name_cmp(c->name, name))
			return c;
	return NULL;
}

/* A new child of @parent, put in order. Lock held. Return: NULL without memory. */
static struct ndis_config_node *ndis_config_node_new(struct ndis_config_node *parent,
						     const char *name)
{
	struct ndis_config_node *n, *c;

	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return NULL;
	n->name = kstrdup(name, GFP_KERNEL);
	if (!n->name) {
		kfree(n);
		return NULL;
	}
	INIT_LIST_HEAD(&n->children);
	n->parent = parent;
	n->depth = parent->depth + 1;
	list_for_each_entry(c, &parent->children, sibling)
		if (ndis_name_cmp(name, c->name) < 0)
			break;
	list_add_tail(&n->sibling, &c->sibling);
	return n;
}

/* Take @n and everything below it out of the store. Lock held. */
static void ndis_config_node_free(struct ndis_config_node *n)
{
	struct ndis_config_node *c, *tmp;

	list_for_each_entry_safe(c, tmp, &n->children, sibling)
		ndis_config_node_free(c);
	if (n->view)	/* cannot be: configfs removes the directories below first */
		n->view->node = NULL;
	list_del(&n->sibling);
	kfree(n->value);
	kfree(n->name);
	kfree(n);
}

/* The key @path names, or NULL. Lock held. */
static struct ndis_config_node *ndis_config_find(const struct ndis_config_path *path)
{
	struct ndis_config_node *n = &ndis_config_root;
	unsigned int i;

	for (i = 0; n && i < path->depth; i++)
		n = ndis_config_child(n, path->name[i]);
	return n;
}

static ssize_t ndis_config_value_show(struct config_item *item, char *page)
{
	struct ndis_config_node *n;
	ssize_t ret = 0;

	mutex_lock(&ndis_config_lock);
	n = ndis_config_node_of(item);
	if (n && n->value) {
		memcpy(page, n->value, n->len);
		page[n->len] = '\n';
		ret = n->len + 1;
	}
	mutex_unlock(&ndis_config_lock);
	return ret;
}

static ssize_t ndis_config_value_store(struct config_item *item, const char *page, size_t count)
{
	size_t len = count;
	struct ndis_config_node *n;
	char *text;

	if (len && page[len - 1] == '\n')
		len--;
	if (len > NDIS_CONFIG_VALUE_MAX || memchr(page, 0, len))
		return -EINVAL;
	text = kmemdup_nul(page, len, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	mutex_lock(&ndis_config_lock);
	n = ndis_config_node_of(item);
	if (n) {
		swap(n->value, text);
		n->len = len;
	}
	mutex_unlock(&ndis_config_lock);
	kfree(text);
	return n ? count : -ENODEV;
}

/* Append @len bytes of @s to @page at *@at, escaping backslash and newline. */
static bool ndis_config_put(char *page, size_t *at, const char *s, size_t len, bool escape)
{
	size_t i;

	for (i = 0; i < len; i++) {
		bool esc = escape && (s[i] == '\\' || s[i] == '\n');

		if (*at + 1 + esc > PAGE_SIZE - sizeof("...\n"))
			return false;
		if (esc) {
			page[(*at)++] = '\\';
			page[(*at)++] = s[i] == '\n' ? 'n' : '\\';
		} else {
			page[(*at)++] = s[i];
		}
	}
	return true;
}

/* One line per child: "name=value" (escaped), "name/" for a key; "..." if cut. */
static ssize_t ndis_config_list_show(struct config_item *item, char *page)
{
	struct ndis_config_node *n, *c;
	size_t at = 0, line;
	bool ok = true;

	mutex_lock(&ndis_config_lock);
	n = ndis_config_node_of(item);
	if (!n)
		goto out;
	list_for_each_entry(c, &n->children, sibling) {
		line = at;
		if (c->value)
			ok = ndis_config_put(page, &at, c->name, strlen(c->name), false) &&
			     ndis_config_put(page, &at, "=", 1, false) &&
			     ndis_config_put(page, &at, c->value, c->len, true) &&
			     ndis_config_put(page, &at, "\n", 1, false);
		if (ok && ndis_config_is_key(c))
			ok = ndis_config_put(page, &at, c->name, strlen(c->name), false) &&
			     ndis_config_put(page, &at, "/\n", 2, false);
		if (!ok) {
			at = line;
			memcpy(page + at, "...\n", 4);
			at += 4;
			break;
		}
	}
out:
	mutex_unlock(&ndis_config_lock);
	return at;
}

CONFIGFS_ATTR(ndis_config_, value);
CONFIGFS_ATTR_RO(ndis_config_, list);

static struct configfs_attribute *ndis_config_node_attrs[] = {
	&ndis_config_attr_value,
	&ndis_config_attr_list,
	NULL,
};

static struct configfs_attribute *ndis_config_root_attrs[] = {
	&ndis_config_attr_list,
	NULL,
};

static const struct config_item_type ndis_config_node_type;

/*
 * mkdir: a new key, or the adoption of one a driver wrote (under the
 * administrator's spelling of its name). configfs holds the parent's
 * directory lock, so two of these never race on one parent.
 */
static struct config_group *ndis_config_make_group(struct config_group *group, const char *name)
{
	struct ndis_config_node *parent, *n = NULL;
	struct ndis_config_view *view;
	const char *spelling;
	int err = 0;

	if (!ndis_config_name_ok(name))
		return ERR_PTR(-EINVAL);
	view = kzalloc(sizeof(*view), GFP_KERNEL);
	spelling = kstrdup(name, GFP_KERNEL);
	if (!view || !spelling) {
		kfree(spelling);
		kfree(view);
		return ERR_PTR(-ENOMEM);
	}
	config_group_init_type_name(&view->group, name, &ndis_config_node_type);

	mutex_lock(&ndis_config_lock);
	parent = ndis_config_node_of(&group->cg_item);
	if (!parent) {
		err = -ENODEV;
	} else if (parent->depth >= NDIS_CONFIG_DEPTH_MAX) {
		err = -EMLINK;
	} else {
		n = ndis_config_child(parent, name);
		if (n && n->view) {
			err = -EEXIST;		/* the same name in another case */
		} else if (n) {
			swap(n->name, spelling);
		} else {
			n = ndis_config_node_new(parent, name);
			if (!n)
				err = -ENOMEM;
		}
	}
	if (!err) {
		n->view = view;
		view->node = n;
	}
	mutex_unlock(&ndis_config_lock);
	kfree(spelling);
	if (err) {
		config_item_put(&view->group.cg_item);
		return ERR_PTR(err);
	}
	return &view->group;
}

/* rmdir: the key goes, and whatever drivers wrote below it. */
static void ndis_config_drop_item(struct config_group *group, struct config_item *item)
{
	struct ndis_config_view *view = ndis_config_view_of(item);

	mutex_lock(&ndis_config_lock);
	if (view->node) {
		view->node->view = NULL;
		ndis_config_node_free(view->node);
		view->node = NULL;
	}
	mutex_unlock(&ndis_config_lock);
	config_item_put(item);
}

static void ndis_config_release(struct config_item *item)
{
	kfree(ndis_config_view_of(item));
}

static struct configfs_item_operations ndis_config_item_ops = {
	.release = ndis_config_release,
};

static struct configfs_group_operations ndis_config_group_ops = {
	.make_group = ndis_config_make_group,
	.drop_item = ndis_config_drop_item,
};

static const struct config_item_type ndis_config_node_type = {
	.ct_item_ops = &ndis_config_item_ops,
	.ct_group_ops = &ndis_config_group_ops,
	.ct_attrs = ndis_config_node_attrs,
	.ct_owner = THIS_MODULE,
};

static const struct config_item_type ndis_config_root_type = {
	.ct_group_ops = &ndis_config_group_ops,
	.ct_attrs = ndis_config_root_attrs,
	.ct_owner = THIS_MODULE,
};

/**
 * ndis_config_get() - read a keyword's value
 * @key: the key it is under
 * @keyword: its name
 * @text: receives a copy, NUL-terminated, for the caller to kfree()
 * @len: receives its length
 *
 * Context: PASSIVE_LEVEL.
 * Return: 0, -ENOENT if the key or the keyword or its value is missing,
 * -ENOMEM.
 */
int ndis_config_get(const struct ndis_config_path *key, const char *keyword, char **text,
		    size_t *len)
{
	struct ndis_config_node *k, *w = NULL;
	int err = 0;

	mutex_lock(&ndis_config_lock);
	k = ndis_config_find(key);
	if (k)
		w = ndis_config_child(k, keyword);
	if (!w || !w->value) {
		err = -ENOENT;
	} else {
		*text = kmemdup_nul(w->value, w->len, GFP_KERNEL);
		*len = w->len;
		if (!*text)
			err = -ENOMEM;
	}
	mutex_unlock(&ndis_config_lock);
	return err;
}

/**
 * ndis_config_set() - write a keyword's value, making what is missing
 * @key: the key it is under; made, with the keys above it, if missing
 * @keyword: its name; made if missing
 * @text: the value: no NUL in it
 * @len: its length
 *
 * Context: PASSIVE_LEVEL.
 * Return: 0, -EINVAL for a name no directory could have, a path too deep
 * or a value too long, -ENOMEM.
 */
int ndis_config_set(const struct ndis_config_path *key, const char *keyword, const char *text,
		    size_t len)
{
	struct ndis_config_node *n = &ndis_config_root, *c;
	unsigned int i;
	char *copy;
	int err = 0;

	if (key->depth >= NDIS_CONFIG_DEPTH_MAX || len > NDIS_CONFIG_VALUE_MAX ||
	    memchr(text, 0, len) || !ndis_config_name_ok(keyword))
		return -EINVAL;
	for (i = 0; i < key->depth; i++)
		if (!ndis_config_name_ok(key->name[i]))
			return -EINVAL;
	copy = kmemdup_nul(text, len, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;

	mutex_lock(&ndis_config_lock);
	for (i = 0; i <= key->depth; i++) {
		const char *name = i < key->depth ? key->name[i] : keyword;

		c = ndis_config_child(n, name);
		if (!c)
			c = ndis_config_node_new(n, name);
		if (!c) {
			err = -ENOMEM;
			goto out;
		}
		n = c;
	}
	swap(n->value, copy);
	n->len = len;
out:
	mutex_unlock(&ndis_config_lock);
	kfree(copy);
	return err;
}

/**
 * ndis_config_subkey() - find a key below another by name
 * @key: the key to look in
 * @name: the name, in any case
 * @found: receives the name as the store spells it, to kfree()
 *
 * A child that holds a value and has nothing below it is a keyword, not a
 * key, and is not found.
 *
 * Context: PASSIVE_LEVEL.
 * Return: 0, -ENOENT, -ENOMEM.
 */
int ndis_config_subkey(const struct ndis_config_path *key, const char *name, char **found)
{
	struct ndis_config_node *k, *c = NULL;
	int err = 0;

	mutex_lock(&ndis_config_lock);
	k = ndis_config_find(key);
	if (k)
		c = ndis_config_child(k, name);
	if (!c || !ndis_config_is_key(c)) {
		err = -ENOENT;
	} else {
		*found = kstrdup(c->name, GFP_KERNEL);
		if (!*found)
			err = -ENOMEM;
	}
	mutex_unlock(&ndis_config_lock);
	return err;
}

/**
 * ndis_config_subkey_at() - find a key below another by its place
 * @key: the key to look in
 * @index: 0 for the first of its keys in name order
 * @found: receives the name, to kfree()
 *
 * Keywords are skipped, as for ndis_config_subkey().
 *
 * Context: PASSIVE_LEVEL.
 * Return: 0, -ENOENT past the last, -ENOMEM.
 */
int ndis_config_subkey_at(const struct ndis_config_path *key, unsigned int index, char **found)
{
	struct ndis_config_node *k, *c;
	int err = -ENOENT;

	mutex_lock(&ndis_config_lock);
	k = ndis_config_find(key);
	if (!k)
		goto out;
	list_for_each_entry(c, &k->children, sibling) {
		if (!ndis_config_is_key(c) || index--)
			continue;
		*found = kstrdup(c->name, GFP_KERNEL);
		err = *found ? 0 : -ENOMEM;
		break;
	}
out:
	mutex_unlock(&ndis_config_lock);
	return err;
}

/* Init step: the store is empty; its view appears under configfs. */
int ndis_config_init(void)
{
	config_group_init_type_name(&ndis_config_subsys.su_group, "ndis", &ndis_config_root_type);
	mutex_init(&ndis_config_subsys.su_mutex);
	return configfs_register_subsystem(&ndis_config_subsys);
}

/* Exit step: no directory is left (each held the module); free what drivers wrote. */
void ndis_config_exit(void)
{
	struct ndis_config_node *c, *tmp;

	configfs_unregister_subsystem(&ndis_config_subsys);
	mutex_lock(&ndis_config_lock);
	list_for_each_entry_safe(c, tmp, &ndis_config_root.children, sibling)
		ndis_config_node_free(c);
	mutex_unlock(&ndis_config_lock);
}

#if IS_ENABLED(CONFIG_KUNIT)
/*
 * The test interface drives the view's own callbacks, as configfs would
 * for mkdir, rmdir, a write and a read, on a path of exact directory
 * names ("" is the root). It does not go through the VFS: configfs's own
 * checks (an rmdir of a directory with directories below) are repeated
 * here, and nothing holds a module reference.
 */

/* The directory at @path and its parent's; NULL if there is none. */
static struct config_group *ndis_config_dir_at(const char *path, struct config_group **parent)
{
	struct config_group *g = &ndis_config_subsys.su_group;
	struct ndis_config_node *n = &ndis_config_root, *c;
	char *copy, *rest, *part;

	copy = kstrdup(path, GFP_KERNEL);
	if (!copy)
		return NULL;
	rest = copy;
	mutex_lock(&ndis_config_lock);
	while (g && (part = strsep(&rest, "/"))) {
		if (!*part)
			continue;
		*parent = g;
		g = NULL;
		list_for_each_entry(c, &n->children, sibling) {
			if (c->view && !strcmp(c->name, part)) {
				g = &c->view->group;
				n = c;
				break;
			}
		}
	}
	mutex_unlock(&ndis_config_lock);
	kfree(copy);
	return g;
}

/**
 * ndis_kunit_config_mkdir() - what "mkdir -p" of a path under the view does
 * @path: directory names separated by "/"
 *
 * Return: 0, or the error the view's mkdir gave.
 */
int ndis_kunit_config_mkdir(const char *path)
{
	struct config_group *g = &ndis_config_subsys.su_group, *parent, *made;
	size_t at = 0, len = strlen(path);
	char *prefix;
	int err = 0;

	prefix = kzalloc(len + 1, GFP_KERNEL);
	if (!prefix)
		return -ENOMEM;
	while (!err && at < len) {
		size_t end = at + strcspn(path + at, "/");

		memcpy(prefix, path, end);
		prefix[end] = 0;
		if (end > at) {
			made = ndis_config_dir_at(prefix, &parent);
			if (!made) {
				made = ndis_config_make_group(g, prefix + at);
				if (IS_ERR(made))
					err = PTR_ERR(made);
			}
			g = made;
		}
		at = end + 1;
	}
	kfree(prefix);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_config_mkdir);

/**
 * ndis_kunit_config_rmdir() - what rmdir of a directory of the view does
 * @path: directory names separated by "/"
 *
 * Return: 0, -ENOENT, or -ENOTEMPTY while directories are below it.
 */
int ndis_kunit_config_rmdir(const char *path)
{
	struct config_group *g, *parent = NULL;
	struct ndis_config_node *c;
	bool busy = false;

	g = ndis_config_dir_at(path, &parent);
	if (!g || !parent)
		return -ENOENT;
	mutex_lock(&ndis_config_lock);
	list_for_each_entry(c, &ndis_config_view_of(&g->cg_item)->node->children, sibling)
		busy |= !!c->view;
	mutex_unlock(&ndis_config_lock);
	if (busy)
		return -ENOTEMPTY;
	ndis_config_drop_item(parent, &g->cg_item);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_config_rmdir);

/**
 * ndis_kunit_config_write() - a write to a directory's "value"
 * @path: the directory
 * @buf: what is written, a trailing newline included if any
 * @len: its length
 *
 * Return: @len, or a negative errno as write(2) would see it.
 */
ssize_t ndis_kunit_config_write(const char *path, const char *buf, size_t len)
{
	struct config_group *parent, *g = ndis_config_dir_at(path, &parent);

	if (!g || g == &ndis_config_subsys.su_group)
		return -ENOENT;
	return ndis_config_value_store(&g->cg_item, buf, len);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_config_write);

/**
 * ndis_kunit_config_read() - a read of a directory's "value" or "list"
 * @path: the directory ("" for the root, which has only "list")
 * @list: read "list" rather than "value"
 * @page: PAGE_SIZE bytes
 *
 * Return: the bytes read, or -ENOENT.
 */
ssize_t ndis_kunit_config_read(const char *path, bool list, char *page)
{
	struct config_group *parent, *g = ndis_config_dir_at(path, &parent);

	if (!g || (!list && g == &ndis_config_subsys.su_group))
		return -ENOENT;
	return list ? ndis_config_list_show(&g->cg_item, page) :
		      ndis_config_value_show(&g->cg_item, page);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_config_read);

/* rmdir of @path and every directory below it, deepest first. */
static int ndis_config_rmtree(const char *path)
{
	struct config_group *g, *parent;
	struct ndis_config_node *c;
	char *below;
	int err;

	for (;;) {
		g = ndis_config_dir_at(path, &parent);
		if (!g)
			return -ENOENT;
		below = NULL;
		mutex_lock(&ndis_config_lock);
		list_for_each_entry(c, &ndis_config_view_of(&g->cg_item)->node->children,
				    sibling) {
			if (c->view) {
				below = kasprintf(GFP_KERNEL, "%s/%s", path, c->name);
				break;
			}
		}
		mutex_unlock(&ndis_config_lock);
		if (!below)
			return ndis_kunit_config_rmdir(path);
		err = ndis_config_rmtree(below);
		kfree(below);
		if (err)
			return err;
	}
}

/**
 * ndis_kunit_config_forget() - take a key out of the store, whoever made it
 * @path: a key below the root; what drivers wrote there goes too
 *
 * An administrator's way: mkdir adopts it (with the keys above it), then
 * rmdir removes every directory below and it.
 *
 * Return: 0 or a negative errno.
 */
int ndis_kunit_config_forget(const char *path)
{
	int err = ndis_kunit_config_mkdir(path);

	return err ?: ndis_config_rmtree(path);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_kunit_config_forget);
#endif
